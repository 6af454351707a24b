"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { useForm } from "@/components/form/use-form";
import { decodeLoginError } from "@/lib/auth/login-error";
import { loginSchema } from "./login.validation";

export function LoginForm({ next, notice }: { next: string; notice?: string }) {
  const router = useRouter();
  const form = useForm(loginSchema, { idNumber: "", password: "" });
  const { values, setValue } = form;
  const [needCaptcha, setNeedCaptcha] = useState(false);
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaError, setCaptchaError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    if (needCaptcha && !captcha.captchaAnswer.trim()) {
      setCaptchaError("请输入图形验证码");
      return;
    }
    setCaptchaError(undefined);
    startTransition(async () => {
      const res = await signIn("credentials", {
        redirect: false,
        idNumber: values.idNumber,
        password: values.password,
        ...(needCaptcha ? captcha : {}),
      });
      if (res?.ok && !res.error) {
        router.replace(next);
        router.refresh();
        return;
      }
      const err = decodeLoginError(res?.error);
      if (needCaptcha) setCaptchaKey((k) => k + 1);
      setNeedCaptcha(true);
      if (err.code === "captcha") setCaptchaError(err.message);
      else form.setServerErrors({}, err.message);
      setValue("password", "");
    });
  }

  return (
    <Card>
      <CardContent className="pt-6">
        {notice && (
          <Alert className="mb-4">
            <AlertDescription>{notice}</AlertDescription>
          </Alert>
        )}
        <form noValidate onSubmit={submit} className="space-y-5">
          <TextField form={form} name="idNumber" label="证件号码" preset="id-number" />
          <TextField
            form={form}
            name="password"
            label="密码"
            password
            autoComplete="current-password"
          />
          {needCaptcha && (
            <CaptchaField
              value={captcha}
              onChange={setCaptcha}
              error={captchaError}
              refreshKey={captchaKey}
            />
          )}
          <FormError message={form.errors._form} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "正在登录…" : "登录"}
          </Button>
          <div className="flex justify-between text-sm">
            <Link className="text-primary underline" href="/forgot-password">
              找回密码
            </Link>
            <Link className="text-primary underline" href="/register">
              用户注册
            </Link>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
