"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { FormError } from "@/components/form/form-error";
import { RestoreNotice } from "@/components/form/restore-notice";
import type { NestedForm } from "@/components/form/use-nested-form";
import type { useWizardStep } from "./use-wizard-step";

const TIME = new Intl.DateTimeFormat("zh-CN", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Shanghai",
});

/** 上一步 · 保存草稿 · 下一步, with the form-level message and the draft-saved notice. */
export function WizardButtons({
  form,
  wizard,
}: {
  form: NestedForm;
  wizard: ReturnType<typeof useWizardStep>;
}) {
  return (
    <div className="mt-8 space-y-4">
      <RestoreNotice form={form} />
      {wizard.conflict && (
        <Alert variant="destructive" role="alert">
          <AlertDescription className="space-y-3">
            <p>
              该信息已在其他页面或设备上修改并保存。本页填写的内容仍保留，请选择：保留本页内容并保存（覆盖另一处对本步骤的修改），或放弃本页内容、载入已保存的信息。
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" disabled={wizard.pending} onClick={wizard.keepMine}>
                保留本页内容并保存
              </Button>
              <Button
                type="button"
                size="sm"
                variant="outline"
                disabled={wizard.pending}
                onClick={wizard.loadSaved}
              >
                载入已保存的信息
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      <FormError message={form.formError} form={form} />
      {wizard.savedAt && (
        <p role="status" className="text-sm text-muted-foreground">
          草稿已保存（{TIME.format(wizard.savedAt)}）
        </p>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        <div className="flex flex-col-reverse gap-3 sm:flex-row">
          {wizard.hasPrevious && (
            <Button type="button" variant="outline" disabled={wizard.pending} onClick={wizard.back}>
              上一步
            </Button>
          )}
          <Button
            type="button"
            variant="secondary"
            disabled={wizard.pending}
            onClick={wizard.saveDraft}
          >
            保存草稿
          </Button>
        </div>
        <Button type="submit" disabled={wizard.pending}>
          {wizard.pending && <Spinner />}
          下一步
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
