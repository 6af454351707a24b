"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { DocumentTypeField } from "@/components/identity/document-type-field";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import { sendAppealCode, startAppealAction } from "./actions";
import { startAppealSchema, type StartAppealValues } from "./appeal.validation";
import type { Draft } from "./appeal-wizard";

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
  const form = useForm(startAppealSchema, EMPTY, {
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
            label="姓名"
            autoComplete="name"
            hint="与证件上的姓名一致。"
          />
          <DocumentTypeField form={form} documentTypes={documentTypes} />
          <TextField
            form={form}
            name="idNumber"
            label="证件号码"
            preset="id-number"
            autoComplete="off"
            hint={DOCUMENT_TYPES[idType]?.numberHint}
          />
          <TextField
            form={form}
            name="phone"
            label="本人手机号码"
            preset="phone"
            hint="申诉通过后，账号将改绑至此手机号码；审核结果也将发送至此号码。"
          />
          <SmsCodeFields
            form={form}
            codeField="smsCode"
            checkFirst={["phone"]}
            send={(captcha) => sendAppealCode({ phone: values.phone, ...captcha })}
            sentHint={`验证码已发送至 ${maskPhone(values.phone)}，5分钟内有效。`}
          />
          <FormError message={form.formError} />
          <Button type="submit" disabled={pending}>
            {pending ? "正在验证…" : "下一步"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
