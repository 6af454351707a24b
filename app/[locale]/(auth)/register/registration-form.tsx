"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { DocumentTypeField } from "@/components/identity/document-type-field";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import { register, sendRegisterCode } from "./actions";
import { registrationSchema, type RegistrationValues } from "./register.validation";

const EMPTY: RegistrationValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
  password: "",
  confirmPassword: "",
};

/** 第三步：填写注册信息. Non-secret fields survive a reload (sessionStorage). */
export function RegistrationForm({
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
    persist: ["name", "idType", "phone"],
  });
  const { values, bindForm } = form;
  const [idRegistered, setIdRegistered] = useState(false);

  const idType = values.idType as DocumentTypeCode;
  const doc = values.idNumber ? validateDocumentNumber(idType, values.idNumber, new Date()) : null;
  const derived =
    doc?.ok && doc.birthDate
      ? `性别：${doc.gender === "1" ? "男" : "女"}　出生日期：${doc.birthDate}（由证件号码识别）`
      : undefined;

  const { pending, onSubmit } = useFormSubmit(
    form,
    (v) => {
      setIdRegistered(false);
      return register(v);
    },
    () => {
      form.clearStorage();
      onDone();
    },
    (r) => {
      // Said at the field and, with the ways out (找回密码, 账号申诉), beside it.
      if (r.code === "id-registered") setIdRegistered(true);
      return false;
    },
  );

  return (
    <Card>
      <CardContent className="pt-6">
        <form ref={bindForm} noValidate onSubmit={onSubmit} className="space-y-5">
          <TextField
            form={form}
            name="name"
            label="姓名"
            autoComplete="name"
            hint="与证件上的姓名一致；生僻字请直接输入，少数民族姓名中的圆点可输入“·”。"
          />
          <DocumentTypeField form={form} documentTypes={documentTypes} />
          <TextField
            form={form}
            name="idNumber"
            label="证件号码"
            preset="id-number"
            autoComplete="off"
            hint={derived ?? DOCUMENT_TYPES[idType]?.numberHint}
          />
          {idRegistered && (
            <Alert variant="destructive">
              <AlertTitle>该证件号码已注册</AlertTitle>
              <AlertDescription>
                如忘记密码，请
                <Link className="mx-1 underline" href="/forgot-password">
                  找回密码
                </Link>
                ；如非本人注册，可提交
                <Link className="mx-1 underline" href="/appeal">
                  账号申诉
                </Link>
                ，由所在地财政部门核实后将账号改绑至您的手机号码。
              </AlertDescription>
            </Alert>
          )}
          <TextField
            form={form}
            name="phone"
            label="手机号码"
            preset="phone"
            hint="用于接收短信验证码，一个手机号码只能注册一个账户。"
          />
          <SmsCodeFields
            form={form}
            codeField="smsCode"
            checkFirst={["phone"]}
            send={(captcha) => sendRegisterCode({ phone: values.phone, ...captcha })}
            sentHint={`验证码已发送至 ${maskPhone(values.phone)}，5分钟内有效。`}
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirmPassword"
            labels={{ password: "设置密码", confirm: "确认密码" }}
            context={{ idNumber: doc?.ok ? doc.normalized : values.idNumber, phone: values.phone }}
          />
          <FormError message={form.formError} form={form} />
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
