"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { FormError } from "@/components/form/form-error";
import { RestoreNotice } from "@/components/form/restore-notice";
import type { NestedForm } from "@/components/form/use-nested-form";
import type { useWizardStep } from "./use-wizard-step";

/** 上一步 · 保存草稿 · 下一步, with the form-level message and the draft-saved notice. */
export function WizardButtons({
  form,
  wizard,
}: {
  form: NestedForm;
  wizard: ReturnType<typeof useWizardStep>;
}) {
  const t = useTranslations("CollectionWizard");
  // Beijing time (the request's timeZone), 24-hour in every language: "14:05".
  const format = useFormatter();
  return (
    <div className="mt-8 space-y-4">
      <RestoreNotice form={form} />
      {wizard.conflict && (
        <Alert variant="destructive" role="alert">
          <AlertDescription className="space-y-3">
            <p>{t("conflict")}</p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" disabled={wizard.pending} onClick={wizard.keepMine}>
                {t("keepMine")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="outline"
                disabled={wizard.pending}
                onClick={wizard.loadSaved}
              >
                {t("loadSaved")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      <FormError message={form.formError} form={form} />
      {wizard.savedAt && (
        <p role="status" className="text-sm text-muted-foreground">
          {t("draftSaved", {
            time: format.dateTime(wizard.savedAt, {
              hour: "2-digit",
              minute: "2-digit",
              hourCycle: "h23",
            }),
          })}
        </p>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        <div className="flex flex-col-reverse gap-3 sm:flex-row">
          {wizard.hasPrevious && (
            <Button type="button" variant="outline" disabled={wizard.pending} onClick={wizard.back}>
              {t("back")}
            </Button>
          )}
          <Button
            type="button"
            variant="secondary"
            disabled={wizard.pending}
            onClick={wizard.saveDraft}
          >
            {t("saveDraft")}
          </Button>
        </div>
        <Button type="submit" disabled={wizard.pending}>
          {wizard.pending && <Spinner label={t("saving")} />}
          {t("next")}
        </Button>
      </div>
    </div>
  );
}

/** One data step's form: heading, fields, the buttons; Enter or 下一步 runs `wizard.next`. */
export function StepForm({
  title,
  description,
  form,
  wizard,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  form: NestedForm;
  wizard: ReturnType<typeof useWizardStep>;
  children: React.ReactNode;
}) {
  const { bindForm } = form;
  return (
    <form
      ref={bindForm}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        wizard.next();
      }}
    >
      <h1 className="text-xl font-semibold">{title}</h1>
      {description && <div className="mt-1 text-sm text-muted-foreground">{description}</div>}
      <div className="mt-6 space-y-6">{children}</div>
      <WizardButtons form={form} wizard={wizard} />
    </form>
  );
}
