import type { Metadata } from "next";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { NATIONALITIES } from "@/lib/codes/nationality";
import { GENDER_OPTIONS } from "@/lib/collection/schemas/personal";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { PersonalForm } from "./personal-form";

export const metadata: Metadata = { title: "信息采集 · 个人信息" };

export default async function PersonalStepPage() {
  const { person, formProps, context } = await openDataStep("personal");
  const docType = isDocumentTypeCode(person.idType) ? DOCUMENT_TYPES[person.idType] : undefined;
  // Shown read-only: what registration recorded (the document is the source of truth).
  const registered: [string, string][] = [
    ["姓名", person.name],
    ["证件类型", docType?.label ?? person.idType],
    ["证件号码", person.idNumberMasked],
  ];
  if (person.gender) {
    registered.push(["性别", GENDER_OPTIONS.find((g) => g.value === person.gender)?.label ?? ""]);
  }
  if (person.birthDate) registered.push(["出生日期", person.birthDate]);
  if (context.nationality) {
    registered.push(["国籍/地区", NATIONALITIES.label(context.nationality) ?? ""]);
  }
  return (
    <>
      <WizardSteps current="personal" />
      <PersonalForm
        key={formProps.revision}
        registered={registered}
        pages={docType?.attachments ?? []}
        ethnicGroups={ETHNIC_GROUPS.options}
        // The 国籍/地区 field shows only where the document does not settle it.
        nationalities={context.nationality ? [] : NATIONALITIES.options}
        {...formProps}
      />
    </>
  );
}
