"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { PasswordChecklist } from "@/components/auth/password-checklist";
import { SmsCodeButton } from "@/components/auth/sms-code-button";
import { useForm } from "@/components/form/use-form";
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
    persist: ["idNumber", "phone"],
  });
  const { values, errors, setValue, blur } = form;
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaError, setCaptchaError] = useState<string>();
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();

  async function requestCode(): Promise<number | null> {
    setCaptchaError(undefined);
    if (!form.validateAll(["idNumber", "phone"])) return null;
    const r = await sendResetCode({ idNumber: values.idNumber, phone: values.phone, ...captcha });
    setCaptchaKey((k) => k + 1);
    if (!r.ok) {
      setCaptchaError(r.fieldErrors.captchaAnswer);
      if (r.fieldErrors.phone) form.setErrors((e) => ({ ...e, phone: r.fieldErrors.phone }));
      return null;
    }
    setSent(true);
    return r.data.resendAfterSeconds;
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    startTransition(async () => {
      const r = await resetPasswordAction(values);
      if (r.ok) {
        form.clearStorage();
        router.push("/login?reset=1");
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={submit} className="space-y-5">
          <FormField id="idNumber" label="证件号码" required error={errors.idNumber}>
            <Input
              {...fieldAria("idNumber", errors.idNumber)}
              name="idNumber"
              autoComplete="username"
              autoCapitalize="characters"
              value={values.idNumber}
              onChange={(e) => setValue("idNumber", e.target.value)}
              onBlur={() => blur("idNumber")}
            />
          </FormField>
          <FormField id="phone" label="注册手机号码" required error={errors.phone}>
            <Input
              {...fieldAria("phone", errors.phone)}
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => setValue("phone", e.target.value)}
              onBlur={() => blur("phone")}
            />
          </FormField>
          <CaptchaField
            value={captcha}
            onChange={setCaptcha}
            error={captchaError}
            refreshKey={captchaKey}
          />
          <FormField
            id="smsCode"
            label="短信验证码"
            required
            error={errors.smsCode}
            hint={
              sent ? "如果证件号码与手机号码匹配，验证码已发送至该手机，5分钟内有效。" : undefined
            }
          >
            <div className="flex gap-3">
              <Input
                {...fieldAria("smsCode", errors.smsCode)}
                name="smsCode"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={values.smsCode}
                onChange={(e) => setValue("smsCode", e.target.value)}
                onBlur={() => blur("smsCode")}
              />
              <SmsCodeButton onRequest={requestCode} />
            </div>
          </FormField>
          <FormField id="password" label="新密码" required error={errors.password}>
            <PasswordInput
              {...fieldAria("password", errors.password)}
              name="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => setValue("password", e.target.value)}
              onBlur={() => blur("password")}
            />
            <PasswordChecklist
              password={values.password}
              context={{ idNumber: values.idNumber, phone: values.phone }}
            />
          </FormField>
          <FormField
            id="confirmPassword"
            label="确认新密码"
            required
            error={errors.confirmPassword}
          >
            <PasswordInput
              {...fieldAria("confirmPassword", errors.confirmPassword)}
              name="confirmPassword"
              autoComplete="new-password"
              value={values.confirmPassword}
              onChange={(e) => setValue("confirmPassword", e.target.value)}
              onBlur={() => blur("confirmPassword")}
            />
          </FormField>
          {errors._form && (
            <Alert variant="destructive">
              <AlertDescription>{errors._form}</AlertDescription>
            </Alert>
          )}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "正在提交…" : "重置密码"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
