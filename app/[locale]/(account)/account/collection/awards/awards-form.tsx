"use client";

import { useTranslations } from "next-intl";
import { AwardEntryFields } from "@/components/collection/fields/awards-fields";
import { EntryList } from "@/components/form/entry-list";
import { awardsSchema, MAX_AWARDS } from "@/lib/collection/schemas/awards";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function AwardsForm(props: StepFormProps) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("awards", awardsSchema, props);
  return (
    <StepForm
      title={t("step.awards")}
      description={t("awardsDescription")}
      form={form}
      wizard={wizard}
    >
      <EntryList
        form={form}
        path="awards"
        title={t("awards")}
        empty={t("awardsEmpty")}
        max={MAX_AWARDS}
      >
        {(i) => <AwardEntryFields form={form} path={`awards.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
