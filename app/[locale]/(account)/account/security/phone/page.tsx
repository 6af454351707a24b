import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/current-session";
import { maskPhone } from "@/lib/phone/mobile";
import { ChangePhoneForm } from "./change-phone-form";

export const metadata: Metadata = { title: "更换手机号" };

export default async function ChangePhonePage() {
  const person = await requireSession("/account/security/phone");
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">更换手机号</h1>
      <p className="text-sm text-muted-foreground">
        当前绑定的手机号码：{maskPhone(person.phone)}。验证码将发送到新手机号码。
      </p>
      <ChangePhoneForm />
    </div>
  );
}
