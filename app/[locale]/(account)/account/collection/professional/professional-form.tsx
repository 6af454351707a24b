"use client";

import { useTranslations } from "next-intl";
import {
  CertificationFields,
  QualificationEntryFields,
  TalentEntryFields,
} from "@/components/collection/fields/professional-fields";
import { EntryList } from "@/components/form/entry-list";
import { MAX_QUALIFICATIONS, MAX_TALENT_ENTRIES } from "@/lib/collection/entry-limits";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/professional").then((m) => m.professionalSchema);

export function ProfessionalForm(props: StepFormProps) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("professional", loadSchema, props);
  return (
    <StepForm title={t("step.professional")} form={form} wizard={wizard}>
      <CertificationFields form={form} />
      <EntryList
        form={form}
        path="qualifications"
        title={t("qualifications")}
        empty={t("qualificationsEmpty")}
        max={MAX_QUALIFICATIONS}
      >
        {(i) => <QualificationEntryFields form={form} path={`qualifications.${i}`} />}
      </EntryList>
      <EntryList
        form={form}
        path="talents"
        title={t("talents")}
        empty={t("talentsEmpty")}
        max={MAX_TALENT_ENTRIES}
      >
        {(i) => <TalentEntryFields form={form} path={`talents.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
