"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useRef, useState, useTransition } from "react";
import type { FormSchema } from "@/components/form/form-schema";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { useForm } from "@/components/form/use-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { decodeLoginError, type LoginError } from "@/lib/auth/login-error";

type LoginValues<N extends string> = Record<N | "password", string>;

/** What checking the credentials answered: where to go now, or why not. */
export type CredentialsOutcome = { ok: true; to: string } | { ok: false; error: LoginError };

// next-auth's browser client (≈ 14 kB with its Babel helpers) is not part of the page's first
// load: it is fetched when the visitor starts on the form, at the latest on submit.
const loadSignIn = () => import("next-auth/react").then((m) => m.signIn);

/**
 * 登录 with a login name and a password: accountants (证件号码) through next-auth's credentials
 * provider, finance staff (登录名) through `submit`, the first step of their sign-in. The graphic
 * captcha shows once it will be asked for: when `askCaptcha` says so as the login name is left
 * (the name failed lately), and after any failure. The server's answer (tries left, lock) shows
 * on the form and focus goes where to act: the captcha, or the password after a wrong one — the
 * only thing a refusal clears; the captcha missing or wrong clears nothing typed.
 */
export function CredentialsLoginForm<N extends string>({
  submit: submitCredentials,
  schema,
  nameField,
  next,
  notice,
  links,
  onSuccess,
  askCaptcha,
}: {
  /** Checks the credentials itself; without it, next-auth's "credentials" provider does. */
  submit?: (fields: Record<string, string>) => Promise<CredentialsOutcome>;
  schema: FormSchema<LoginValues<N>>;
  nameField: { name: N; label: string; preset?: "id-number" };
  next: string;
  notice?: string;
  links?: ReactNode;
  /** Instead of going to `next`: the login in place (session-timeout.tsx) stays on its page. */
  onSuccess?: () => void;
  /** Asked when the login name is left: will the login want the captcha? (false when unsure) */
  askCaptcha?: (name: string) => Promise<boolean>;
}) {
  const t = useTranslations("Login");
  const auth = useTranslations("Auth");
  const sourceText = useSourceText();
  const router = useRouter();
  const form = useForm(schema, { [nameField.name]: "", password: "" } as LoginValues<N>);
  const { values, setValue, bindForm } = form;
  const [needCaptcha, setNeedCaptcha] = useState(false);
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaError, setCaptchaError] = useState<string>();
  const [pending, startTransition] = useTransition();
  /** The login name last asked about, so leaving the field again asks nothing new. */
  const asked = useRef("");

  function askAbout(name: string) {
    const typed = name.trim();
    if (!askCaptcha || needCaptcha || !typed || typed === asked.current) return;
    asked.current = typed;
    askCaptcha(typed)
      .then((need) => {
        if (need) setNeedCaptcha(true);
      })
      .catch(() => {
        // offline: the login itself will ask for the captcha if it must
      });
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    // Checked once the rules are there (they may still be on their way just after the page shows).
    void form.ready().then(() => signIn(formElement));
  }

  function signIn(formElement: HTMLFormElement) {
    const valid = form.validateAll();
    if (needCaptcha && !captcha.captchaAnswer.trim()) {
      setCaptchaError(sourceText("请输入图形验证码"));
      form.refuse();
      return;
    }
    if (!valid) return;
    setCaptchaError(undefined);
    const fields: Record<string, string> = {
      [nameField.name]: values[nameField.name],
      password: values.password,
      ...(needCaptcha ? captcha : {}),
    };
    startTransition(async () => {
      const outcome = submitCredentials
        ? await submitCredentials(fields)
        : await nextAuthSignIn(fields, next);
      if (outcome.ok && onSuccess) {
        onSuccess();
        return;
      }
      if (outcome.ok) {
        router.replace(outcome.to);
        router.refresh();
        return;
      }
      const err = outcome.error;
      if (needCaptcha) setCaptchaKey((k) => k + 1);
      setNeedCaptcha(true);
      if (err.code === "captcha") {
        // Only the captcha was missing or wrong: everything typed stays, focus goes to it.
        form.setServerErrors({});
        setCaptchaError(sourceText(err.message));
        form.refuse();
        return;
      }
      form.setServerErrors({}, err.message);
      if (err.code === "invalid") {
        setValue("password", "");
        formElement.querySelector<HTMLInputElement>('[name="password"]')?.focus();
      }
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
        <form
          ref={bindForm}
          noValidate
          onSubmit={submit}
          onBlur={(e) => {
            const field: EventTarget = e.target;
            if (field instanceof HTMLInputElement && field.name === nameField.name)
              askAbout(field.value);
          }}
          onFocus={() => void (submitCredentials ? null : loadSignIn().catch(() => {}))}
          className="space-y-5"
        >
          <TextField
            form={form}
            name={nameField.name}
            label={nameField.label}
            {...(nameField.preset
              ? { preset: nameField.preset }
              : { autoComplete: "username", spellCheck: false, autoCapitalize: "none" })}
          />
          <TextField
            form={form}
            name="password"
            label={auth("password")}
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
          <FormError message={form.formError} form={form} extra={captchaError ? 1 : 0} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
          {links}
        </form>
      </CardContent>
    </Card>
  );
}

async function nextAuthSignIn(
  fields: Record<string, string>,
  next: string,
): Promise<CredentialsOutcome> {
  const signIn = await loadSignIn();
  const res = await signIn("credentials", { redirect: false, ...fields });
  return res?.ok && !res.error
    ? { ok: true, to: next }
    : { ok: false, error: decodeLoginError(res?.error) };
}
