"use client";

import { useTranslations } from "next-intl";
import type { FormApi, FormValues } from "@/components/form/use-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { DocumentTypeCode } from "@/lib/identity/document-types";

/**
 * 证件类型, as registration and 省外调入 ask it: the options come from the page (the server's
 * document-type table), the value is the form's `idType`.
 */
export function DocumentTypeField<V extends FormValues & { idType: DocumentTypeCode }>({
  form,
  documentTypes,
}: {
  form: FormApi<V>;
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
}) {
  const t = useTranslations("Auth");
  const sourceText = useSourceText();
  const error = form.errors.idType;
  return (
    <FormField id="idType" label={t("documentType")} required error={error}>
      <NativeSelect
        {...fieldAria("idType", error)}
        name="idType"
        value={form.values.idType}
        onChange={(e) => form.setValue("idType", e.target.value as V["idType"])}
      >
        {documentTypes.map((type) => (
          <option key={type.value} value={type.value}>
            {sourceText(type.label)}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}
