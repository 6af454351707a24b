"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { resetPasswordAction, sendResetCode } from "./actions";
import { lazySchema } from "@/components/form/form-schema";
import type { ResetPasswordValues } from "./forgot-password.validation";

// Fetched once the form shows: zod is not part of the page's first load (form-schema.ts).
const SCHEMA = lazySchema(() =>
  import("./forgot-password.validation").then((m) => m.resetPasswordSchema),
);

const EMPTY: ResetPasswordValues = {
  idNumber: "",
  phone: "",
  smsCode: "",
  password: "",
  confirmPassword: "",
};

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const auth = useTranslations("Auth");
  const router = useRouter();
  const form = useForm(SCHEMA, EMPTY, {
    storageKey: "kuaiji.reset",
    persist: ["phone"],
  });
  const { values } = form;
  const { pending, onSubmit } = useFormSubmit(form, resetPasswordAction, () => {
    form.clearStorage();
    router.push("/login?reset=1");
  });

  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <TextField form={form} name="idNumber" label={auth("idNumber")} preset="id-number" />
          <SmsCodeFields
            form={form}
            phone={{ field: "phone", label: t("phone") }}
            codeField="smsCode"
            checkFirst={["idNumber"]}
            send={(captcha) =>
              sendResetCode({ idNumber: values.idNumber, phone: values.phone, ...captcha })
            }
            sentHint={t("smsSent")}
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirmPassword"
            labels={{ password: t("password"), confirm: t("confirmPassword") }}
            context={{ idNumber: values.idNumber, phone: values.phone }}
          />
          <FormError message={form.formError} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
