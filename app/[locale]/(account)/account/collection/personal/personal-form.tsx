"use client";

import { personalSchema } from "@/lib/collection/schemas/personal";
import { PersonalFields } from "@/components/collection/fields/personal-fields";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

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
  const { form, wizard } = useStepForm("personal", personalSchema, props);
  return (
    <StepForm
      title="个人信息"
      description="姓名和证件信息来自注册信息，不能在此修改。"
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
