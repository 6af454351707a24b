"use client";

import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import type { Preview } from "./preview";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { DocumentTypeField } from "@/components/identity/document-type-field";
import { CountyPicker } from "@/components/transfer/county-picker";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import {
  transferInVerifySchema,
  type TransferInVerifyValues,
} from "@/lib/transfer/schemas/in-application";
import { sendTransferInCode, verifyTransferInAction } from "./actions";

// 第二步 (the password rules and their checklist) loads when 第一步 has succeeded.
const loadConfirm = () => import("./confirm-step");
const ConfirmStep = lazy(() => loadConfirm().then((m) => ({ default: m.ConfirmStep })));
const DoneStep = lazy(() => loadConfirm().then((m) => ({ default: m.DoneStep })));

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
  // The step is named in each step's heading (第一步（共三步）…): the manual's three steps, without
  // the progress bar's script on this public page's first load.
  const step = done ? 2 : preview ? 1 : 0;
  return (
    <div className="space-y-6">
      {step === 0 && (
        <VerifyStep
          documentTypes={documentTypes}
          regions={regions}
          onVerified={(p, facts) => setPreview({ ...p, ...facts })}
        />
      )}
      <Suspense fallback={<p className="text-sm text-muted-foreground">正在加载…</p>}>
        {step === 1 && preview && (
          <ConfirmStep preview={preview} onBack={() => setPreview(null)} onDone={setDone} />
        )}
        {step === 2 && done && <DoneStep accountCreated={done.accountCreated} />}
      </Suspense>
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
          <h2 className="text-lg font-medium">第一步（共三步）：填写验证信息</h2>
          <TextField
            form={form}
            name="name"
            label="姓名"
            autoComplete="name"
            hint="与调出地登记的姓名一致"
          />
          <DocumentTypeField form={form} documentTypes={documentTypes} />
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
