"use client";

import Link from "next/link";
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
    { label: "姓名", value: preview.name },
    { label: "证件号码", value: preview.idNumberMasked },
    { label: "调出地", value: preview.from },
    { label: "调出时间", value: formatBeijingDateTime(preview.submittedAt) },
    { label: "调入地", value: preview.destination },
  ];
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <h2 className="text-lg font-medium">第二步（共三步）：确认调入</h2>
          <p className="text-sm text-muted-foreground">
            全国平台的调转信息如下，请核对后确认调入。
          </p>
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
              <p className="text-sm">
                您在本平台还没有账户，请设置登录密码（登录时使用证件号码和此密码）。
              </p>
              <NewPasswordFields
                form={form}
                passwordField="password"
                confirmField="confirmPassword"
                labels={{ password: "设置密码", confirm: "确认密码" }}
                context={{ idNumber: preview.idNumber, phone: preview.phone }}
              />
            </>
          )}
          <FormError message={form.formError} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
            <Button type="button" variant="outline" onClick={onBack}>
              上一步
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "正在提交…" : "确认调入"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

export function DoneStep({ accountCreated }: { accountCreated: boolean }) {
  return (
    <Alert variant="success" role="status">
      <AlertTitle>调入申请已提交（第三步：审核通过后完成信息采集）</AlertTitle>
      <AlertDescription className="space-y-2">
        <p>
          系统将在1-2个工作日内完成审核，结果以短信通知。调入完成后，请
          <Link className="mx-1 underline" href="/login">
            登录
          </Link>
          本平台，在“信息采集”中核对调入的信息并提交。
        </p>
        {accountCreated && <p>您的账户已开通，可使用证件号码和刚才设置的密码登录查看审核进度。</p>}
      </AlertDescription>
    </Alert>
  );
}
