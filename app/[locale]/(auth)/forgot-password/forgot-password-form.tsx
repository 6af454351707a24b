"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { resetPasswordAction, sendResetCode } from "./actions";
import { resetPasswordSchema, type ResetPasswordValues } from "./forgot-password.validation";

const EMPTY: ResetPasswordValues = {
  idNumber: "",
  phone: "",
  smsCode: "",
  password: "",
  confirmPassword: "",
};

export function ForgotPasswordForm() {
  const router = useRouter();
  const form = useForm(resetPasswordSchema, EMPTY, {
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
          <TextField form={form} name="idNumber" label="证件号码" preset="id-number" />
          <TextField form={form} name="phone" label="注册手机号码" preset="phone" />
          <SmsCodeFields
            form={form}
            codeField="smsCode"
            checkFirst={["idNumber", "phone"]}
            send={(captcha) =>
              sendResetCode({ idNumber: values.idNumber, phone: values.phone, ...captcha })
            }
            sentHint="如果证件号码与手机号码匹配，验证码已发送至该手机，5分钟内有效。"
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirmPassword"
            labels={{ password: "新密码", confirm: "确认新密码" }}
            context={{ idNumber: values.idNumber, phone: values.phone }}
          />
          <FormError message={form.formError} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "正在提交…" : "重置密码"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
