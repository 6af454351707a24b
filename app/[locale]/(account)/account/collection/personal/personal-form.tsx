"use client";

import { useTranslations } from "next-intl";
import { PersonalFields } from "@/components/collection/fields/personal-fields";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/personal").then((m) => m.personalSchema);

export function PersonalForm({
  registered,
  pages,
  ethnicGroups,
  nationalities,
  ...props
}: StepFormProps & {
  registered: [string, string][];
  pages: readonly { id: string; label: string }[];
  ethnicGroups: readonly { value: string; label: string }[];
  nationalities: readonly { value: string; label: string }[];
}) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("personal", loadSchema, props);
  return (
    <StepForm
      title={t("step.personal")}
      description={t("personalDescription")}
      form={form}
      wizard={wizard}
    >
      <dl className="grid gap-x-3 gap-y-1 rounded-md border bg-muted/30 p-4 text-sm [overflow-wrap:anywhere] sm:grid-cols-[5.5rem_minmax(0,1fr)] sm:gap-y-2">
        {registered.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <PersonalFields
        form={form}
        context={props.context}
        pages={pages}
        ethnicGroups={ethnicGroups}
        nationalities={nationalities}
      />
    </StepForm>
  );
}
