"use client";

import { useTranslations } from "next-intl";
import { EducationEntryFields } from "@/components/collection/fields/education-fields";
import { EntryList } from "@/components/form/entry-list";
import { MAX_EDUCATION_ENTRIES } from "@/lib/collection/entry-limits";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/education").then((m) => m.educationSchema);

export function EducationForm(props: StepFormProps) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("education", loadSchema, props);
  return (
    <StepForm
      title={t("step.education")}
      description={t("educationDescription")}
      form={form}
      wizard={wizard}
    >
      <EntryList
        form={form}
        path="fullTime"
        title={t("fullTime")}
        empty={t("fullTimeEmpty")}
        max={MAX_EDUCATION_ENTRIES}
      >
        {(i) => <EducationEntryFields form={form} path={`fullTime.${i}`} />}
      </EntryList>
      <EntryList
        form={form}
        path="partTime"
        title={t("partTime")}
        empty={t("partTimeEmpty")}
        max={MAX_EDUCATION_ENTRIES}
      >
        {(i) => <EducationEntryFields form={form} path={`partTime.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
