"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/text-field";
import type { FormApi, FormValues } from "@/components/form/use-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { DocumentTypeField } from "./document-type-field";

type IdentityValues = FormValues & { name: string; idType: DocumentTypeCode; idNumber: string };

/**
 * 姓名, 证件类型 and 证件号码, as 注册, 账号申诉 and 省外调入 ask them. Under the number: `idHint`,
 * else what a valid number of the chosen type looks like.
 */
export function IdentityFields<V extends IdentityValues>({
  form,
  documentTypes,
  nameHint,
  idHint,
}: {
  form: FormApi<V>;
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  nameHint: ReactNode;
  idHint?: ReactNode;
}) {
  const t = useTranslations("Auth");
  const sourceText = useSourceText();
  const numberHint = DOCUMENT_TYPES[form.values.idType]?.numberHint;
  return (
    <>
      <TextField form={form} name="name" label={t("name")} autoComplete="name" hint={nameHint} />
      <DocumentTypeField form={form} documentTypes={documentTypes} />
      <TextField
        form={form}
        name="idNumber"
        label={t("idNumber")}
        preset="id-number"
        autoComplete="off"
        hint={idHint ?? (numberHint && sourceText(numberHint))}
      />
    </>
  );
}
