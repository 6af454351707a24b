"use client";

import { useState } from "react";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { enrolCodeSchema } from "@/lib/staff/schemas/sign-in";
import { useExpiredSignIn } from "../use-sign-in-step";
import { confirmEnrolmentAction } from "./actions";
import { RecoveryCodes } from "./recovery-codes";

/** The secret in groups of four, as authenticator apps show what to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

export function EnrolForm({
  next,
  qrDataUrl,
  secret,
}: {
  next: string;
  qrDataUrl: string;
  secret: string;
}) {
  const form = useForm(enrolCodeSchema, { code: "" });
  const [codes, setCodes] = useState<string[] | null>(null);
  const { pending, onSubmit } = useFormSubmit(
    form,
    confirmEnrolmentAction,
    (data) => setCodes(data.recoveryCodes),
    useExpiredSignIn(next),
  );
  if (codes) return <RecoveryCodes codes={codes} next={next} />;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <ol className="list-decimal space-y-4 pl-5 text-sm">
        <li>
          <p className="mb-2">在身份验证器中选择“扫描二维码”，扫描下图：</p>
          {/* A data URL drawn on the server: nothing is fetched, from here or elsewhere. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={qrDataUrl}
            alt="动态验证码绑定二维码"
            width={200}
            height={200}
            className="rounded border bg-white"
          />
          <Label htmlFor="totp-secret" className="mt-3 block font-normal text-muted-foreground">
            无法扫描时，选择“手动输入密钥”，输入以下密钥：
          </Label>
          <Input
            id="totp-secret"
            readOnly
            value={grouped(secret)}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 font-mono tracking-wide"
          />
        </li>
        <li>输入身份验证器显示的6位动态验证码，完成绑定。</li>
      </ol>
      <TextField
        form={form}
        name="code"
        label="动态验证码"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
      />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在验证…" : "完成绑定"}
      </Button>
    </form>
  );
}
