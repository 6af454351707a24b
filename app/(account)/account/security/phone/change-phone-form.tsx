"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { SmsCodeButton } from "@/components/auth/sms-code-button";
import { useForm } from "@/components/form/use-form";
import { changePhoneAction, sendChangePhoneCode } from "./actions";
import { changePhoneSchema } from "./change-phone.validation";

export function ChangePhoneForm() {
  const router = useRouter();
  const form = useForm(changePhoneSchema, { password: "", newPhone: "", smsCode: "" });
  const { values, errors, setValue, blur } = form;
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaError, setCaptchaError] = useState<string>();
  const [pending, startTransition] = useTransition();

  async function requestCode(): Promise<number | null> {
    setCaptchaError(undefined);
    if (!form.validateAll(["newPhone"])) return null;
    const r = await sendChangePhoneCode({ newPhone: values.newPhone, ...captcha });
    setCaptchaKey((k) => k + 1);
    if (!r.ok) {
      setCaptchaError(r.fieldErrors.captchaAnswer);
      if (r.fieldErrors.newPhone || r.formError)
        form.setErrors((e) => ({ ...e, newPhone: r.fieldErrors.newPhone, _form: r.formError }));
      return null;
    }
    return r.data.resendAfterSeconds;
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    startTransition(async () => {
      const r = await changePhoneAction(values);
      if (r.ok) {
        router.push("/account/security?done=phone");
        router.refresh();
      } else form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-5">
      <FormField id="password" label="登录密码" required error={errors.password}>
        <PasswordInput
          {...fieldAria("password", errors.password)}
          autoComplete="current-password"
          value={values.password}
          onChange={(e) => setValue("password", e.target.value)}
        />
      </FormField>
      <FormField id="newPhone" label="新手机号码" required error={errors.newPhone}>
        <Input
          {...fieldAria("newPhone", errors.newPhone)}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          value={values.newPhone}
          onChange={(e) => setValue("newPhone", e.target.value)}
          onBlur={() => blur("newPhone")}
        />
      </FormField>
      <CaptchaField
        value={captcha}
        onChange={setCaptcha}
        error={captchaError}
        refreshKey={captchaKey}
      />
      <FormField id="smsCode" label="短信验证码" required error={errors.smsCode}>
        <div className="flex gap-3">
          <Input
            {...fieldAria("smsCode", errors.smsCode)}
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
      {errors._form && (
        <Alert variant="destructive">
          <AlertDescription>{errors._form}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "确认更换"}
      </Button>
    </form>
  );
}
