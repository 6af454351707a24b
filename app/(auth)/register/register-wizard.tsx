"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PasswordInput } from "@/components/ui/password-input";
import { Steps } from "@/components/ui/steps";
import { CaptchaField, type CaptchaValue } from "@/components/auth/captcha-field";
import { PasswordChecklist } from "@/components/auth/password-checklist";
import { SmsCodeButton } from "@/components/auth/sms-code-button";
import { useForm } from "@/components/form/use-form";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { EligibilityStep } from "./eligibility-step";
import { register, sendRegisterCode } from "./actions";
import { registrationSchema, type RegistrationValues } from "./register.validation";

const STEPS = ["信息采集对象", "填写注册信息", "注册完成"];
const EMPTY: RegistrationValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
  password: "",
  confirmPassword: "",
};

export function RegisterWizard({
  jurisdictionLabel,
  documentTypes,
}: {
  jurisdictionLabel: string;
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
}) {
  const [step, setStep] = useState(0);
  return (
    <div className="space-y-6">
      <Steps steps={STEPS} current={step} />
      {step === 0 && (
        <EligibilityStep jurisdictionLabel={jurisdictionLabel} onEligible={() => setStep(1)} />
      )}
      {step === 1 && (
        <RegistrationForm
          documentTypes={documentTypes}
          onBack={() => setStep(0)}
          onDone={() => setStep(2)}
        />
      )}
      {step === 2 && (
        <Alert variant="success">
          <AlertTitle>注册成功</AlertTitle>
          <AlertDescription>
            <p className="mb-3">请使用证件号码和刚才设置的密码登录，然后进行信息采集。</p>
            <Button asChild>
              <Link href="/login">去登录</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}

function RegistrationForm({
  documentTypes,
  onBack,
  onDone,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  onBack: () => void;
  onDone: () => void;
}) {
  const form = useForm(registrationSchema, EMPTY, {
    storageKey: "kuaiji.register",
    persist: ["name", "idType", "idNumber", "phone"],
  });
  const { values, errors, setValue, blur } = form;
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: "", captchaAnswer: "" });
  const [captchaError, setCaptchaError] = useState<string>();
  const [captchaKey, setCaptchaKey] = useState(0);
  const [codeSentTo, setCodeSentTo] = useState<string>();
  const [idRegistered, setIdRegistered] = useState(false);
  const [pending, startTransition] = useTransition();

  const doc = values.idNumber
    ? validateDocumentNumber(values.idType as DocumentTypeCode, values.idNumber, new Date())
    : null;
  const typeInfo = DOCUMENT_TYPES[values.idType as DocumentTypeCode];

  async function requestCode(): Promise<number | null> {
    setCaptchaError(undefined);
    if (!form.validateAll(["phone"])) return null;
    const r = await sendRegisterCode({ phone: values.phone, ...captcha });
    setCaptchaKey((k) => k + 1); // a captcha allows one try: always show a fresh one
    if (!r.ok) {
      setCaptchaError(r.fieldErrors.captchaAnswer ?? r.fieldErrors.captchaId);
      if (r.fieldErrors.phone) form.setErrors((e) => ({ ...e, phone: r.fieldErrors.phone }));
      return null;
    }
    setCodeSentTo(values.phone);
    return r.data.resendAfterSeconds;
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setIdRegistered(false);
    if (!form.validateAll()) return;
    startTransition(async () => {
      const r = await register(values);
      if (r.ok) {
        form.clearStorage();
        onDone();
        return;
      }
      setIdRegistered(r.formError === "id-registered");
      form.setServerErrors(
        r.fieldErrors,
        r.formError === "id-registered" ? undefined : r.formError,
      );
    });
  }

  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={submit} className="space-y-5">
          <FormField
            id="name"
            label="姓名"
            required
            error={errors.name}
            hint="与证件上的姓名一致；生僻字请直接输入，少数民族姓名中的圆点可输入“·”。"
          >
            <Input
              {...fieldAria("name", errors.name)}
              name="name"
              autoComplete="name"
              value={values.name}
              onChange={(e) => setValue("name", e.target.value)}
              onBlur={() => blur("name")}
            />
          </FormField>

          <FormField id="idType" label="证件类型" required error={errors.idType}>
            <NativeSelect
              {...fieldAria("idType", errors.idType)}
              name="idType"
              value={values.idType}
              onChange={(e) => setValue("idType", e.target.value as DocumentTypeCode)}
            >
              {documentTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>

          <FormField
            id="idNumber"
            label="证件号码"
            required
            error={errors.idNumber}
            hint={
              doc?.ok && doc.birthDate
                ? `性别：${doc.gender === "1" ? "男" : "女"}　出生日期：${doc.birthDate}（由证件号码识别）`
                : typeInfo?.numberHint
            }
          >
            <Input
              {...fieldAria("idNumber", errors.idNumber)}
              name="idNumber"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={values.idNumber}
              onChange={(e) => setValue("idNumber", e.target.value)}
              onBlur={() => blur("idNumber")}
            />
          </FormField>
          {idRegistered && (
            <Alert variant="destructive">
              <AlertTitle>该证件号码已注册</AlertTitle>
              <AlertDescription>
                如忘记密码，请{" "}
                <Link className="underline" href="/forgot-password">
                  找回密码
                </Link>
                ；如非本人注册，请联系所在地财政部门。
              </AlertDescription>
            </Alert>
          )}

          <FormField
            id="phone"
            label="手机号码"
            required
            error={errors.phone}
            hint="用于接收短信验证码，一个手机号码只能注册一个账户。"
          >
            <Input
              {...fieldAria("phone", errors.phone)}
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => setValue("phone", e.target.value)}
              onBlur={() => blur("phone")}
            />
          </FormField>

          <CaptchaField
            value={captcha}
            onChange={setCaptcha}
            error={captchaError}
            refreshKey={captchaKey}
          />

          <FormField
            id="smsCode"
            label="短信验证码"
            required
            error={errors.smsCode}
            hint={
              codeSentTo
                ? `验证码已发送至 ${codeSentTo.slice(0, 3)}****${codeSentTo.slice(-4)}，5分钟内有效。`
                : "先输入图形验证码，再点击“获取短信验证码”。"
            }
          >
            <div className="flex gap-3">
              <Input
                {...fieldAria("smsCode", errors.smsCode)}
                name="smsCode"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={values.smsCode}
                onChange={(e) => setValue("smsCode", e.target.value)}
                onBlur={() => blur("smsCode")}
              />
              <SmsCodeButton onRequest={requestCode} />
            </div>
          </FormField>

          <FormField id="password" label="设置密码" required error={errors.password}>
            <PasswordInput
              {...fieldAria("password", errors.password)}
              name="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => setValue("password", e.target.value)}
              onBlur={() => blur("password")}
            />
            <PasswordChecklist
              password={values.password}
              context={{
                idNumber: doc?.ok ? doc.normalized : values.idNumber,
                phone: values.phone,
              }}
            />
          </FormField>

          <FormField id="confirmPassword" label="确认密码" required error={errors.confirmPassword}>
            <PasswordInput
              {...fieldAria("confirmPassword", errors.confirmPassword)}
              name="confirmPassword"
              autoComplete="new-password"
              value={values.confirmPassword}
              onChange={(e) => setValue("confirmPassword", e.target.value)}
              onBlur={() => blur("confirmPassword")}
            />
          </FormField>

          {errors._form && (
            <Alert variant="destructive">
              <AlertDescription>{errors._form}</AlertDescription>
            </Alert>
          )}

          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
            <Button type="button" variant="outline" onClick={onBack}>
              上一步
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "正在注册…" : "注册"}
            </Button>
          </div>
          <p className="text-sm text-muted-foreground">
            已有账户？
            <Link className="text-primary underline" href="/login">
              直接登录
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
