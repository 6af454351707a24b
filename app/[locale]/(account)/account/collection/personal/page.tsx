import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { NATIONALITIES } from "@/lib/codes/nationality";
import { GENDER_OPTIONS } from "@/lib/collection/gender-options";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { openDataStep } from "../open-step";
import { getSourceText } from "../source-text";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { PersonalForm } from "./personal-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "personal");
}

export default async function PersonalStepPage({ params }: PageProps) {
  await localeOf(params);
  const { person, formProps, context } = await openDataStep("personal");
  const docType = isDocumentTypeCode(person.idType) ? DOCUMENT_TYPES[person.idType] : undefined;
  // The labels and the document type in the reader's language; 国籍/地区 is a code table's name.
  const sourceText = await getSourceText();
  const fact = (label: string, value: string): [string, string] => [sourceText(label), value];
  // Shown read-only: what registration recorded (the document is the source of truth).
  const registered = [
    fact("姓名", person.name),
    fact("证件类型", sourceText(docType?.label ?? person.idType)),
    fact("证件号码", person.idNumberMasked),
  ];
  const gender = GENDER_OPTIONS.find((g) => g.value === person.gender)?.label;
  if (person.gender) registered.push(fact("性别", gender ? sourceText(gender) : ""));
  if (person.birthDate) registered.push(fact("出生日期", person.birthDate));
  if (context.nationality) {
    registered.push(fact("国籍/地区", NATIONALITIES.label(context.nationality) ?? ""));
  }
  return (
    <>
      <WizardSteps current="personal" />
      <ClientMessages namespaces={["CollectionWizard"]}>
        <PersonalForm
          key={formProps.revision}
          registered={registered}
          pages={docType?.attachments ?? []}
          ethnicGroups={ETHNIC_GROUPS.options}
          // The 国籍/地区 field shows only where the document does not settle it.
          nationalities={context.nationality ? [] : NATIONALITIES.options}
          {...formProps}
        />
      </ClientMessages>
    </>
  );
}
