"use client";

import { useMemo } from "react";
import { AttachmentField } from "@/components/collection/attachment-field";
import { useSourceText } from "@/components/i18n/use-source-text";
import { NestedRadios, NestedSelect, NestedText } from "@/components/form/nested-fields";
import { pathId } from "@/components/form/paths";
import type { NestedForm } from "@/components/form/use-nested-form";
import type { UploadKind } from "@/lib/upload/kinds";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import { asksGenderAndBirthDate, type CollectionContext } from "@/lib/collection/rules";
import { GENDER_OPTIONS } from "@/lib/collection/gender-options";

type Option = { value: string; label: string };

/**
 * 个人信息's own fields and attachments. 性别/出生日期 and 国籍/地区 show only where the document
 * does not settle them — and in 信息变更 (`fixedIdentity`) 性别 and 国籍 are never editable.
 * The 民族 and 国籍/地区 options come from the page (ETHNIC_GROUPS.options, NATIONALITIES.options):
 * their names stay on the server. Labels are Chinese, shown in the reader's language by the
 * controls (components/form/nested-fields.tsx); 性别's 男/女 too, the code tables' names not.
 */
export function PersonalFields({
  form,
  context,
  pages,
  ethnicGroups,
  nationalities = [],
  fixedIdentity = false,
}: {
  form: NestedForm;
  context: CollectionContext;
  pages: readonly { id: string; label: string }[];
  ethnicGroups: readonly Option[];
  /** Needed only where the field shows: the document does not settle 国籍/地区. */
  nationalities?: readonly Option[];
  fixedIdentity?: boolean;
}) {
  const text = useSourceText();
  const genders = useMemo(
    () => GENDER_OPTIONS.map((o) => ({ ...o, label: text(o.label) })),
    [text],
  );
  const asks = asksGenderAndBirthDate(context);
  const file = (
    path: string,
    label: string,
    kind: UploadKind,
    extra?: { required?: boolean; hint?: string },
  ) => {
    const value = form.get(path);
    return (
      <AttachmentField
        id={pathId(path)}
        label={label}
        kind={kind}
        value={typeof value === "string" && value !== "" ? value : undefined}
        onChange={(id) => form.set(path, id ?? "")}
        error={form.error(path)}
        required={extra?.required ?? true}
        hint={extra?.hint}
      />
    );
  };
  return (
    <>
      {asks && (
        <div className="grid gap-6 sm:grid-cols-2">
          {!fixedIdentity && (
            <NestedRadios form={form} path="gender" label="性别" options={genders} />
          )}
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
      {!context.nationality && !fixedIdentity && (
        <NestedSelect form={form} path="nationality" label="国籍/地区" options={nationalities} />
      )}
      <div className="grid gap-6 sm:grid-cols-2">
        <NestedSelect form={form} path="ethnicGroup" label="民族" options={ethnicGroups} />
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
        <legend className="mb-2 text-base font-semibold">{text("附件")}</legend>
        <p className="text-sm text-muted-foreground">
          {text("JPG或PNG格式，每个不超过5MB。证件照片请拍摄完整、清晰、无反光。")}
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
    </>
  );
}
