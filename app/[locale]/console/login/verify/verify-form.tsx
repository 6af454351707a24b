"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyCodeSchema } from "@/lib/staff/schemas/sign-in";
import { type SignInStep, signInStepPath } from "@/lib/staff/sign-in-steps";
import { useExpiredSignIn } from "../use-sign-in-step";
import { verifyCodeAction } from "./actions";

export function VerifyForm({ next }: { next: string }) {
  const router = useRouter();
  const form = useForm(verifyCodeSchema, { code: "" });
  // After a recovery code: say how many are left before going on.
  const [recovered, setRecovered] = useState<{ left: number; step: SignInStep } | null>(null);
  const { pending, onSubmit } = useFormSubmit(
    form,
    verifyCodeAction,
    (data) => {
      if (data.recoveryCodesLeft === null) router.replace(signInStepPath(data.step, next));
      else setRecovered({ left: data.recoveryCodesLeft, step: data.step });
    },
    useExpiredSignIn(next),
  );
  if (recovered) {
    return (
      <div className="space-y-5">
        <Alert role="status">
          <AlertDescription>
            已使用一个恢复码登录，剩余 {recovered.left} 个恢复码。
            {recovered.left <= 3 &&
              "剩余不多，请尽快找回手机，或请本单位管理员重置动态验证码后重新绑定（将生成新的恢复码）。"}
          </AlertDescription>
        </Alert>
        <Button
          type="button"
          className="w-full"
          onClick={() => router.replace(signInStepPath(recovered.step, next))}
        >
          继续
        </Button>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <TextField
        form={form}
        name="code"
        label="动态验证码"
        hint="打开手机上的身份验证器，输入显示的6位数字。手机不在身边时，可输入一个恢复码。"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={40}
        autoFocus
      />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在验证…" : "验证"}
      </Button>
    </form>
  );
}
