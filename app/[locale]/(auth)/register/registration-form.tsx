"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { IdentityFields } from "@/components/identity/identity-fields";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { register, sendRegisterCode } from "./actions";
import { registrationSchema, type RegistrationValues } from "./register.validation";

const EMPTY: RegistrationValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
  password: "",
  confirmPassword: "",
};

/** 第三步：填写注册信息. Non-secret fields survive a reload (sessionStorage). */
export function RegistrationForm({
  documentTypes,
  onBack,
  onDone,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("Register");
  const form = useForm(registrationSchema, EMPTY, {
    storageKey: "kuaiji.register",
    persist: ["name", "idType", "phone"],
  });
  const { values, bindForm } = form;
  const [idRegistered, setIdRegistered] = useState(false);

  const idType = values.idType as DocumentTypeCode;
  const doc = values.idNumber ? validateDocumentNumber(idType, values.idNumber, new Date()) : null;
  const derived =
    doc?.ok && doc.birthDate
      ? t("derived", { gender: doc.gender === "1" ? "male" : "female", birthDate: doc.birthDate })
      : undefined;

  const { pending, onSubmit } = useFormSubmit(
    form,
    (v) => {
      setIdRegistered(false);
      return register(v);
    },
    () => {
      form.clearStorage();
      onDone();
    },
    (r) => {
      // Said at the field and, with the ways out (找回密码, 账号申诉), beside it.
      if (r.code === "id-registered") setIdRegistered(true);
      return false;
    },
  );

  return (
    <Card>
      <CardContent className="pt-6">
        <form ref={bindForm} noValidate onSubmit={onSubmit} className="space-y-5">
          <IdentityFields
            form={form}
            documentTypes={documentTypes}
            nameHint={t("nameHint")}
            idHint={derived}
          />
          {idRegistered && (
            <Alert variant="destructive">
              <AlertTitle>{t("idRegisteredTitle")}</AlertTitle>
              <AlertDescription>
                {t("idRegisteredBefore")}
                <Link className="mx-1 underline" href="/forgot-password">
                  {t("idRegisteredForgot")}
                </Link>
                {t("idRegisteredMiddle")}
                <Link className="mx-1 underline" href="/appeal">
                  {t("idRegisteredAppeal")}
                </Link>
                {t("idRegisteredAfter")}
              </AlertDescription>
            </Alert>
          )}
          <SmsCodeFields
            form={form}
            phone={{ field: "phone", label: t("phone"), hint: t("phoneHint") }}
            codeField="smsCode"
            send={(captcha) => sendRegisterCode({ phone: values.phone, ...captcha })}
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirmPassword"
            labels={{ password: t("password"), confirm: t("confirmPassword") }}
            context={{ idNumber: doc?.ok ? doc.normalized : values.idNumber, phone: values.phone }}
          />
          <FormError message={form.formError} form={form} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
            <Button type="button" variant="outline" onClick={onBack}>
              {t("back")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
          <p className="text-sm text-muted-foreground">
            {t("haveAccount")}
            <Link className="text-primary underline" href="/login">
              {t("loginInstead")}
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
