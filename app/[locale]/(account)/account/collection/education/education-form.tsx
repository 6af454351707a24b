"use client";

import { useTranslations } from "next-intl";
import { EducationEntryFields } from "@/components/collection/fields/education-fields";
import { EntryList } from "@/components/form/entry-list";
import { educationSchema, MAX_EDUCATION_ENTRIES } from "@/lib/collection/schemas/education";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function EducationForm(props: StepFormProps) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("education", educationSchema, props);
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
