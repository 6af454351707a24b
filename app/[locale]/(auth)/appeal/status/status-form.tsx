"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { AppealStatus } from "@/lib/appeal/status";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { appealStatusAction, sendAppealCode } from "../actions";
import type { AppealStatusValues } from "../appeal.validation";

const SCHEMA = lazySchema(() => import("../appeal.validation").then((m) => m.appealStatusSchema));

const EMPTY: AppealStatusValues = { appealNumber: "", phone: "", smsCode: "" };

/** 申诉编号 + the appeal's phone and its code → the state (and a rejection's reason). */
export function StatusForm() {
  const t = useTranslations("AppealStatus");
  const sourceText = useSourceText();
  const form = useForm(SCHEMA, EMPTY);
  const { values } = form;
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const { pending, onSubmit } = useFormSubmit(form, appealStatusAction, setStatus);
  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="pt-6">
          <form noValidate onSubmit={onSubmit} className="space-y-5">
            <TextField
              form={form}
              name="appealNumber"
              label={t("appealNumber")}
              autoComplete="off"
            />
            <SmsCodeFields
              form={form}
              phone={{ field: "phone", label: t("phone") }}
              codeField="smsCode"
              checkFirst={["appealNumber"]}
              send={(captcha) => sendAppealCode({ phone: values.phone, ...captcha })}
            />
            <FormError message={form.formError} />
            <Button type="submit" disabled={pending}>
              {pending ? t("querying") : t("submit")}
            </Button>
          </form>
        </CardContent>
      </Card>
      {status && (
        <Alert variant={status.state === "rejected" ? "destructive" : "default"}>
          <AlertTitle>
            {t("result", {
              appealNumber: status.appealNumber,
              state: sourceText(status.stateLabel),
            })}
          </AlertTitle>
          <AlertDescription>
            <p>{t("submittedAt", { time: formatBeijingDateTime(status.submittedAt) })}</p>
            {status.decidedAt && (
              <p>{t("decidedAt", { time: formatBeijingDateTime(status.decidedAt) })}</p>
            )}
            {/* Staff's own words stay as written; the platform's (superseded) are translated. */}
            {status.reason && (
              <p>{t("reason", { state: status.state, reason: sourceText(status.reason) })}</p>
            )}
            {status.state === "reassigned" && <p>{t("reassigned")}</p>}
            {status.state === "pending" && <p>{t("pending")}</p>}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
