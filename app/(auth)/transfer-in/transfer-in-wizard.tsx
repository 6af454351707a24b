"use client";

import Link from "next/link";
import { useState } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { CountyPicker } from "@/components/transfer/county-picker";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Steps } from "@/components/ui/steps";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import {
  transferInConfirmSchema,
  type TransferInConfirmValues,
  transferInVerifySchema,
  type TransferInVerifyValues,
} from "@/lib/transfer/schemas/in-application";
import { confirmTransferInAction, sendTransferInCode, verifyTransferInAction } from "./actions";

type Preview = {
  ticket: string;
  needsPassword: boolean;
  name: string;
  idNumberMasked: string;
  from: string;
  destination: string;
  submittedAt: string;
};

const STEPS = ["填写验证信息", "确认调入", "完成信息采集"];

const EMPTY: TransferInVerifyValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
  regionCode: "",
};

export function TransferInWizard({
  documentTypes,
  regions,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  regions: JurisdictionRegions;
}) {
  const [preview, setPreview] = useState<(Preview & { idNumber: string; phone: string }) | null>(
    null,
  );
  const [done, setDone] = useState<{ accountCreated: boolean } | null>(null);
  const step = done ? 2 : preview ? 1 : 0;
  return (
    <div className="space-y-6">
      <Steps steps={STEPS} current={step} />
      {step === 0 && (
        <VerifyStep
          documentTypes={documentTypes}
          regions={regions}
          onVerified={(p, facts) => setPreview({ ...p, ...facts })}
        />
      )}
      {step === 1 && preview && (
        <ConfirmStep preview={preview} onBack={() => setPreview(null)} onDone={setDone} />
      )}
      {step === 2 && done && <DoneStep accountCreated={done.accountCreated} />}
    </div>
  );
}

function VerifyStep({
  documentTypes,
  regions,
  onVerified,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  regions: JurisdictionRegions;
  onVerified: (preview: Preview, facts: { idNumber: string; phone: string }) => void;
}) {
  const form = useForm(transferInVerifySchema, EMPTY, {
    storageKey: "kuaiji.transfer-in",
    persist: ["name", "idType", "phone", "regionCode"],
  });
  const { values, errors } = form;
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const { pending, onSubmit } = useFormSubmit(
    form,
    (v) => {
      setRefusal(null);
      return verifyTransferInAction(v);
    },
    (p) => onVerified(p, { idNumber: values.idNumber, phone: values.phone }),
    (r) => {
      // Told as a whole with the way forward, not as a field problem.
      if ((r.code === "here" || r.code === "open") && r.formError) {
        setRefusal({ code: r.code, message: r.formError });
        return true;
      }
      return false;
    },
  );
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <h2 className="text-lg font-medium">第一步：填写验证信息</h2>
          <TextField
            form={form}
            name="name"
            label="姓名"
            autoComplete="name"
            hint="与调出地登记的姓名一致"
          />
          <FormField id="idType" label="证件类型" required error={errors.idType}>
            <NativeSelect
              {...fieldAria("idType", errors.idType)}
              name="idType"
              value={values.idType}
              onChange={(e) => form.setValue("idType", e.target.value as DocumentTypeCode)}
            >
              {documentTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <TextField
            form={form}
            name="idNumber"
            label="证件号码"
            preset="id-number"
            autoComplete="off"
          />
          <TextField
            form={form}
            name="phone"
            label="手机号码"
            preset="phone"
            hint="用于接收短信验证码；没有本平台账户的，也是新账户的手机号码"
          />
          <SmsCodeFields
            form={form}
            codeField="smsCode"
            checkFirst={["phone"]}
            send={(captcha) => sendTransferInCode({ phone: values.phone, ...captcha })}
            sentHint={`验证码已发送至 ${maskPhone(values.phone)}，5分钟内有效。`}
          />
          <CountyPicker
            id="regionCode"
            label="调入地"
            hint="与调出申请时填写的调入地区保持一致"
            regions={regions}
            value={values.regionCode}
            onChange={(code) => form.setValue("regionCode", code)}
            error={errors.regionCode}
          />
          {refusal && (
            <Alert variant={refusal.code === "here" ? "default" : "destructive"} role="alert">
              <AlertTitle>{refusal.code === "here" ? "无需办理调入" : "已提交调入申请"}</AlertTitle>
              <AlertDescription>
                {refusal.message}
                <Link className="ml-1 underline" href="/login">
                  去登录
                </Link>
              </AlertDescription>
            </Alert>
          )}
          <FormError message={form.formError} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "正在查询全国平台…" : "下一步"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function ConfirmStep({
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
          <h2 className="text-lg font-medium">第二步：确认调入</h2>
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

function DoneStep({ accountCreated }: { accountCreated: boolean }) {
  return (
    <Alert variant="success" role="status">
      <AlertTitle>调入申请已提交</AlertTitle>
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
