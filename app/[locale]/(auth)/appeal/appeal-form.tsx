"use client";

import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { DocumentTypeField } from "@/components/identity/document-type-field";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mask";
import { sendAppealCode, startAppealAction } from "./actions";
import type { StartAppealValues } from "./appeal.validation";
import type { Draft } from "./appeal-wizard";

const SCHEMA = lazySchema(() => import("./appeal.validation").then((m) => m.startAppealSchema));

const EMPTY: StartAppealValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
};

/** 第一步: who appeals and the phone the account should move to, proven by its code. */
export function AppealForm({
  documentTypes,
  onStarted,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  onStarted: (draft: Draft) => void;
}) {
  const t = useTranslations("Appeal");
  const auth = useTranslations("Auth");
  const sourceText = useSourceText();
  const form = useForm(SCHEMA, EMPTY, {
    storageKey: "kuaiji.appeal",
    persist: ["name", "idType", "phone"],
  });
  const { values } = form;
  const idType = values.idType as DocumentTypeCode;
  const { pending, onSubmit } = useFormSubmit(form, startAppealAction, (draft) => {
    form.clearStorage();
    onStarted(draft);
  });
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <TextField
            form={form}
            name="name"
            label={t("name")}
            autoComplete="name"
            hint={t("nameHint")}
          />
          <DocumentTypeField form={form} documentTypes={documentTypes} />
          <TextField
            form={form}
            name="idNumber"
            label={auth("idNumber")}
            preset="id-number"
            autoComplete="off"
            hint={sourceText(DOCUMENT_TYPES[idType]?.numberHint ?? "")}
          />
          <TextField
            form={form}
            name="phone"
            label={t("phone")}
            preset="phone"
            hint={t("phoneHint")}
          />
          <SmsCodeFields
            form={form}
            codeField="smsCode"
            checkFirst={["phone"]}
            send={(captcha) => sendAppealCode({ phone: values.phone, ...captcha })}
            sentHint={t("smsSent", { phone: maskPhone(values.phone) })}
          />
          <FormError message={form.formError} />
          <Button type="submit" disabled={pending}>
            {pending ? t("verifying") : t("next")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
