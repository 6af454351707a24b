"use client";

import { useTranslations } from "next-intl";
import { AwardEntryFields } from "@/components/collection/fields/awards-fields";
import { EntryList } from "@/components/form/entry-list";
import { MAX_AWARDS } from "@/lib/collection/entry-limits";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/awards").then((m) => m.awardsSchema);

export function AwardsForm(props: StepFormProps) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("awards", loadSchema, props);
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
