"use client";

import { AttachmentField } from "@/components/collection/attachment-field";
import { NestedRadios, NestedSelect, NestedText } from "@/components/form/nested-fields";
import { pathId } from "@/components/form/paths";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { NATIONALITIES } from "@/lib/codes/nationality";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import { asksGenderAndBirthDate } from "@/lib/collection/rules";
import { GENDER_OPTIONS, personalSchema } from "@/lib/collection/schemas/personal";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function PersonalForm({
  registered,
  pages,
  ...props
}: StepFormProps & {
  registered: [string, string][];
  pages: readonly { id: string; label: string }[];
}) {
  const { form, wizard } = useStepForm("personal", personalSchema, props);
  const asks = asksGenderAndBirthDate(props.context);
  const file = (
    path: string,
    label: string,
    kind: "headshot" | "document-page" | "student-card",
    extra?: { required?: boolean; hint?: string },
  ) => (
    <AttachmentField
      id={pathId(path)}
      label={label}
      kind={kind}
      value={
        typeof form.get(path) === "string" && form.get(path) !== ""
          ? (form.get(path) as string)
          : undefined
      }
      onChange={(id) => form.set(path, id ?? "")}
      error={form.error(path)}
      required={extra?.required ?? true}
      hint={extra?.hint}
    />
  );
  return (
    <StepForm
      title="个人信息"
      description="姓名和证件信息来自注册信息，不能在此修改。"
      form={form}
      wizard={wizard}
    >
      <dl className="grid grid-cols-[5.5rem_1fr] gap-y-2 rounded-md border bg-muted/30 p-4 text-sm">
        {registered.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      {asks && (
        <div className="grid gap-6 sm:grid-cols-2">
          <NestedRadios form={form} path="gender" label="性别" options={GENDER_OPTIONS} />
          <NestedText
            form={form}
            path="birthDate"
            label="出生日期"
            type="date"
            hint="以证件记载为准"
            className="max-w-48"
          />
        </div>
      )}
      {!props.context.nationality && (
        <NestedSelect
          form={form}
          path="nationality"
          label="国籍/地区"
          options={NATIONALITIES.options}
        />
      )}
      <div className="grid gap-6 sm:grid-cols-2">
        <NestedSelect form={form} path="ethnicGroup" label="民族" options={ETHNIC_GROUPS.options} />
        <NestedSelect
          form={form}
          path="politicalStatus"
          label="政治面貌"
          options={POLITICAL_STATUSES.options}
        />
      </div>
      <NestedText
        form={form}
        path="email"
        label="电子邮箱"
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        className="max-w-md"
      />
      <fieldset className="space-y-6">
        <legend className="mb-2 text-base font-semibold">附件</legend>
        <p className="text-sm text-muted-foreground">
          JPG或PNG格式，每个不超过5MB。证件照片请拍摄完整、清晰、无反光。
        </p>
        {file("headshotId", "本人免冠证件照", "headshot")}
        <div className="grid gap-6 sm:grid-cols-2">
          {pages.map((p) => (
            <div key={p.id}>{file(`documentPageIds.${p.id}`, p.label, "document-page")}</div>
          ))}
        </div>
        {file("studentCardId", "学生证", "student-card", {
          required: false,
          hint: "在校学生必须上传（含学生信息页和注册页）；其他人员无须上传。",
        })}
      </fieldset>
    </StepForm>
  );
}
