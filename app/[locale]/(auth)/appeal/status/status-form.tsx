"use client";

import { useState } from "react";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { AppealStatus } from "@/lib/appeal/status";
import { maskPhone } from "@/lib/phone/mobile";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { appealStatusAction, sendAppealCode } from "../actions";
import { appealStatusSchema, type AppealStatusValues } from "../appeal.validation";

const EMPTY: AppealStatusValues = { appealNumber: "", phone: "", smsCode: "" };

/** 申诉编号 + the appeal's phone and its code → the state (and a rejection's reason). */
export function StatusForm() {
  const form = useForm(appealStatusSchema, EMPTY);
  const { values } = form;
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const { pending, onSubmit } = useFormSubmit(form, appealStatusAction, setStatus);
  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="pt-6">
          <form noValidate onSubmit={onSubmit} className="space-y-5">
            <TextField form={form} name="appealNumber" label="申诉编号" autoComplete="off" />
            <TextField form={form} name="phone" label="申诉时填写的手机号码" preset="phone" />
            <SmsCodeFields
              form={form}
              codeField="smsCode"
              checkFirst={["appealNumber", "phone"]}
              send={(captcha) => sendAppealCode({ phone: values.phone, ...captcha })}
              sentHint={`验证码已发送至 ${maskPhone(values.phone)}，5分钟内有效。`}
            />
            <FormError message={form.formError} />
            <Button type="submit" disabled={pending}>
              {pending ? "正在查询…" : "查询"}
            </Button>
          </form>
        </CardContent>
      </Card>
      {status && (
        <Alert variant={status.state === "rejected" ? "destructive" : "default"}>
          <AlertTitle>
            申诉编号 {status.appealNumber}：{status.stateLabel}
          </AlertTitle>
          <AlertDescription>
            <p>提交时间：{formatBeijingDateTime(status.submittedAt)}</p>
            {status.decidedAt && <p>审核时间：{formatBeijingDateTime(status.decidedAt)}</p>}
            {status.reason && (
              <p>
                {status.state === "superseded" ? "终止原因" : "未通过理由"}：{status.reason}
              </p>
            )}
            {status.state === "reassigned" && (
              <p>账号已改绑至您的手机号码，请在登录页点击“找回密码”设置新密码后登录。</p>
            )}
            {status.state === "pending" && <p>账号所在地财政部门审核后将以短信通知您。</p>}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
