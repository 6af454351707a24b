"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/form/text-field";
import type { FormApi, FormValues } from "@/components/form/use-form";
import { type ActionResult, FORM_ERROR_KEY } from "@/lib/http/action-result";
import { maskPhone } from "@/lib/phone/mask";
import { withPageOwner } from "@/components/session/session-events";
import { CaptchaField, type CaptchaValue } from "./captcha-field";
import { SmsCodeButton } from "./sms-code-button";

type SendResult = ActionResult<{ resendAfterSeconds: number }>;

/**
 * 手机号码, 图形验证码 and 短信验证码 with 获取短信验证码: the captcha is asked before every send
 * (each picture allows one try, so a fresh one loads after each), the phone and the fields named
 * in `checkFirst` are validated before a send, and the send's field errors land at those fields.
 * The button is disabled while it sends, so focus moves on by itself: to the code field once the
 * code is on its way, else to the first field that stopped the send. Once sent, the hint names
 * the masked number (`sentHint` instead, where saying so would disclose it: 找回密码).
 */
export function SmsCodeFields<V extends FormValues>({
  form,
  phone,
  codeField,
  checkFirst = [],
  send,
  sentHint,
  idleHint,
}: {
  form: FormApi<V>;
  /** The number's field: its name, label and (optionally) hint. */
  phone: { field: keyof V & string; label: string; hint?: ReactNode };
  codeField: keyof V & string;
  /** Fields checked before a send besides the phone (e.g. the 证件号码 it must match). */
  checkFirst?: (keyof V & string)[];
  send: (captcha: CaptchaValue) => Promise<SendResult>;
  sentHint?: ReactNode;
  idleHint?: ReactNode;
}) {
  const t = useTranslations("Auth");
  const checked = [...checkFirst, phone.field];
  const sourceText = useSourceText();
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaError, setCaptchaError] = useState<string>();
  const [captchaKey, setCaptchaKey] = useState(0);
  const [sent, setSent] = useState(0);
  const error = form.errors[codeField];
  const codeRef = useRef<HTMLInputElement>(null);
  // After the render that says where the code went (the hint the field is described by).
  useEffect(() => {
    if (sent > 0) codeRef.current?.focus();
  }, [sent]);

  async function requestCode(): Promise<number | null> {
    setCaptchaError(undefined);
    await form.ready();
    if (!form.validateAll(checked)) return null;
    // On a page behind login the captcha carries the page's owner into the send's input.
    const r = await send(withPageOwner(captcha));
    setCaptchaKey((k) => k + 1);
    if (!r.ok) {
      const captchaProblem = r.fieldErrors.captchaAnswer ?? r.fieldErrors.captchaId;
      setCaptchaError(captchaProblem && sourceText(captchaProblem));
      form.setErrors((e) => {
        const next: Record<string, string | undefined> = {
          ...e,
          [FORM_ERROR_KEY]: r.formError ?? r.fieldErrors[FORM_ERROR_KEY],
        };
        for (const f of checked) if (r.fieldErrors[f]) next[f] = r.fieldErrors[f];
        return next as typeof e;
      });
      form.refuse();
      return null;
    }
    setSent((n) => n + 1);
    return r.data.resendAfterSeconds;
  }

  return (
    <>
      <TextField
        form={form}
        name={phone.field}
        label={phone.label}
        preset="phone"
        hint={phone.hint}
      />
      <CaptchaField
        value={captcha}
        onChange={setCaptcha}
        error={captchaError}
        refreshKey={captchaKey}
      />
      <FormField
        id={codeField}
        label={t("smsCode")}
        required
        error={error}
        hint={
          sent > 0
            ? (sentHint ?? t("smsSent", { phone: maskPhone(String(form.values[phone.field])) }))
            : (idleHint ?? t("smsIdleHint"))
        }
      >
        <div className="flex gap-3">
          <Input
            {...fieldAria(codeField, error, { hint: true })}
            ref={codeRef}
            name={codeField}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={form.values[codeField]}
            onChange={(e) => form.setValue(codeField, e.target.value as V[typeof codeField])}
            onBlur={() => form.blur(codeField)}
          />
          <SmsCodeButton onRequest={requestCode} />
        </div>
      </FormField>
    </>
  );
}
