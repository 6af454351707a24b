"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { maskPhone } from "@/lib/phone/mobile";
import { changePhoneAction, sendChangePhoneCode } from "./actions";
import { changePhoneSchema } from "./change-phone.validation";

export function ChangePhoneForm() {
  const router = useRouter();
  const form = useForm(changePhoneSchema, { password: "", newPhone: "", smsCode: "" });
  const { pending, onSubmit } = useFormSubmit(form, changePhoneAction, () => {
    router.push("/account/security?done=phone");
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <TextField
        form={form}
        name="password"
        label="登录密码"
        password
        autoComplete="current-password"
      />
      <TextField form={form} name="newPhone" label="新手机号码" preset="phone" />
      <SmsCodeFields
        form={form}
        codeField="smsCode"
        checkFirst={["newPhone"]}
        send={(captcha) => sendChangePhoneCode({ newPhone: form.values.newPhone, ...captcha })}
        sentHint={`验证码已发送至 ${maskPhone(form.values.newPhone)}，5分钟内有效。`}
      />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "确认更换"}
      </Button>
    </form>
  );
}
