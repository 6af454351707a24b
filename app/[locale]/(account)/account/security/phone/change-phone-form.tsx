"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { changePhoneAction, sendChangePhoneCode } from "./actions";
import type { ChangePhoneValues } from "./change-phone.validation";

const SCHEMA = lazySchema(() =>
  import("./change-phone.validation").then((m) => m.changePhoneSchema),
);

const EMPTY: ChangePhoneValues = { password: "", newPhone: "", smsCode: "" };

export function ChangePhoneForm() {
  const t = useTranslations("AccountSecurity");
  const router = useRouter();
  const form = useForm(SCHEMA, EMPTY);
  const { pending, onSubmit } = useFormSubmit(form, changePhoneAction, () => {
    router.push("/account/security?done=phone");
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <TextField
        form={form}
        name="password"
        label={t("loginPassword")}
        password
        autoComplete="current-password"
      />
      <SmsCodeFields
        form={form}
        phone={{ field: "newPhone", label: t("newPhone") }}
        codeField="smsCode"
        send={(captcha) => sendChangePhoneCode({ newPhone: form.values.newPhone, ...captcha })}
      />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("confirmPhoneChange")}
      </Button>
    </form>
  );
}
