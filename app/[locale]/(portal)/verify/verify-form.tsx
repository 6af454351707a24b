"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { groupCode, normaliseCode } from "@/lib/verification/code-format";
import type { VerificationView } from "@/lib/verification/view";
import { verifyDocumentAction } from "./actions";
import { issuedOnIso } from "./issued-on";

const SCHEMA = lazySchema(() => import("./verify.validation").then((m) => m.verifySchema));

/**
 * 档案核验: type the 核验码, or arrive from the PDF's QR code with it in the address's fragment
 * (#XXXX-XXXX-XXXX-XXXX, never sent to a server), which is filled in and checked at once. The
 * server asks for the captcha after a few unknown codes from one client; then every try shows one.
 */
export function VerifyForm() {
  const t = useTranslations("Verify");
  const sourceText = useSourceText();
  const form = useForm(SCHEMA, { code: "" });
  const { values, setValue, bindForm } = form;
  const [needCaptcha, setNeedCaptcha] = useState(false);
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaError, setCaptchaError] = useState<string>();
  const [result, setResult] = useState<VerificationView | null>(null);
  const [pending, startTransition] = useTransition();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const fromLink = useRef(false);

  function check(code: string) {
    setCaptchaError(undefined);
    setResult(null);
    startTransition(async () => {
      const r = await verifyDocumentAction({ code, ...(needCaptcha ? captcha : {}) });
      // every try with a captcha used it up
      if (needCaptcha) setCaptchaKey((k) => k + 1);
      if (r.ok) {
        setResult(r.data);
        return;
      }
      if (r.code === "captcha") {
        setNeedCaptcha(true);
        setCaptchaError(r.fieldErrors.captchaAnswer);
        // the captcha sits beside the form's own fields: take focus to it
        form.refuse();
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  // Arriving from the QR code: the code is in the fragment.
  useEffect(() => {
    const fromHash = normaliseCode(decodeURIComponent(window.location.hash.slice(1)));
    if (!fromHash || fromLink.current) return;
    fromLink.current = true;
    setValue("code", groupCode(fromHash));
    check(groupCode(fromHash));
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.whenValid(() => {
      if (needCaptcha && !captcha.captchaAnswer.trim()) {
        setCaptchaError("请输入图形验证码");
        form.refuse();
        return;
      }
      check(values.code);
    });
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="pt-6">
          <form ref={bindForm} noValidate onSubmit={submit} className="space-y-5">
            <TextField
              form={form}
              name="code"
              label={t("code")}
              hint={t("codeHint")}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
            />
            {needCaptcha && (
              <CaptchaField
                value={captcha}
                onChange={setCaptcha}
                error={captchaError && sourceText(captchaError)}
                refreshKey={captchaKey}
              />
            )}
            <FormError message={form.formError} form={form} extra={captchaError ? 1 : 0} />
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? t("checking") : t("check")}
            </Button>
          </form>
        </CardContent>
      </Card>
      {result && <VerificationResult view={result} headingRef={resultHeading} />}
    </div>
  );
}

function VerificationResult({
  view,
  headingRef,
}: {
  view: VerificationView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations("Verify");
  const sourceText = useSourceText();
  // Chinese pages show the date as the PDF prints it
  const issuedOn = (useLocale() === "en" && issuedOnIso(view.issuedOn)) || view.issuedOn;
  const rows: [string, string][] = [
    [t("name"), view.name],
    [t("idNumber"), view.idNumberMasked],
    [t("document"), sourceText(view.document)],
    [t("archiveNumber"), view.archiveNumber],
    [t("version"), t("versionValue", { version: view.version })],
    [t("issuedOn"), issuedOn],
  ];
  return (
    <section aria-labelledby="verify-result" className="space-y-3 rounded-lg border bg-card p-4">
      <h2 id="verify-result" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {t("result")}
      </h2>
      <dl className="grid gap-x-3 gap-y-1 text-base [overflow-wrap:anywhere] sm:grid-cols-[6rem_minmax(0,1fr)] sm:gap-y-2">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="wrap-anywhere">{value}</dd>
          </div>
        ))}
        <dt className="text-muted-foreground">{t("status")}</dt>
        <dd>
          <Badge variant={view.status === "valid" ? "success" : "destructive"}>
            {sourceText(view.statusLabel)}
          </Badge>
        </dd>
      </dl>
      <p className="text-sm text-muted-foreground">{t("resultNote")}</p>
    </section>
  );
}
