"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormError } from "@/components/form/form-error";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import {
  transferInConfirmSchema,
  type TransferInConfirmValues,
} from "@/lib/transfer/schemas/in-application";
import { confirmTransferInAction } from "./actions";
import type { Preview } from "./preview";

// 省外调入 第二步 and what follows: loaded once 第一步 succeeded (transfer-in-wizard.tsx), so the
// password rules and their checklist are not part of the page's first load.

export function ConfirmStep({
  preview,
  onBack,
  onDone,
}: {
  preview: Preview & { idNumber: string; phone: string };
  onBack: () => void;
  onDone: (done: { accountCreated: boolean }) => void;
}) {
  const t = useTranslations("TransferIn");
  const auth = useTranslations("Auth");
  const initial: TransferInConfirmValues = {
    ticket: preview.ticket,
    needsPassword: preview.needsPassword ? "yes" : "no",
    idNumber: preview.idNumber,
    phone: preview.phone,
    password: "",
    confirmPassword: "",
  };
  const form = useForm(transferInConfirmSchema, initial);
  const { pending, onSubmit } = useFormSubmit(form, confirmTransferInAction, onDone);
  const facts = [
    { label: t("name"), value: preview.name },
    { label: auth("idNumber"), value: preview.idNumberMasked },
    // Region names stay as the national platform and the jurisdiction write them.
    { label: t("from"), value: preview.from },
    { label: t("submittedAt"), value: formatBeijingDateTime(preview.submittedAt) },
    { label: t("destination"), value: preview.destination },
  ];
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <h2 className="text-lg font-medium">{t("confirmHeading")}</h2>
          <p className="text-sm text-muted-foreground">{t("confirmIntro")}</p>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr]">
            {facts.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-muted-foreground">{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          {preview.needsPassword && (
            <>
              <p className="text-sm">{t("needsPassword")}</p>
              <NewPasswordFields
                form={form}
                passwordField="password"
                confirmField="confirmPassword"
                labels={{ password: t("password"), confirm: t("confirmPassword") }}
                context={{ idNumber: preview.idNumber, phone: preview.phone }}
              />
            </>
          )}
          <FormError message={form.formError} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
            <Button type="button" variant="outline" onClick={onBack}>
              {t("back")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

export function DoneStep({ accountCreated }: { accountCreated: boolean }) {
  const t = useTranslations("TransferIn");
  return (
    <Alert variant="success" role="status">
      <AlertTitle>{t("doneTitle")}</AlertTitle>
      <AlertDescription className="space-y-2">
        <p>
          {t.rich("doneText", {
            link: (text) => (
              <Link className="mx-1 underline" href="/login">
                {text}
              </Link>
            ),
          })}
        </p>
        {accountCreated && <p>{t("accountCreated")}</p>}
      </AlertDescription>
    </Alert>
  );
}
