import type { Metadata } from "next";
import { requireSignInStep } from "@/lib/auth/staff-sign-in";
import { nextOf, SignInStep } from "../sign-in-step";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "动态验证码 · 财政部门登录" };

// The second factor: the password was right; the console opens after the authenticator's code.

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextOf(searchParams);
  await requireSignInStep("second-factor", next);
  return (
    <SignInStep title="输入动态验证码" intro="密码正确。请输入手机身份验证器上的动态验证码。">
      <VerifyForm next={next} />
    </SignInStep>
  );
}
