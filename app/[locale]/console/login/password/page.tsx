import type { Metadata } from "next";
import { requireSignInStep } from "@/lib/auth/staff-sign-in";
import { nextOf, SignInStep } from "../sign-in-step";
import { InitialPasswordForm } from "./initial-password-form";

export const metadata: Metadata = { title: "修改初始密码 · 财政部门登录" };

// A first login (or one after the operator reset the password): the password someone else handed
// over is replaced before any console page opens.

export default async function InitialPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextOf(searchParams);
  await requireSignInStep("change-password", next);
  return (
    <SignInStep
      title="修改初始密码"
      intro="您的密码由管理员设置，请先设置只有您本人知道的新密码，再进入财政部门管理端。"
    >
      <InitialPasswordForm next={next} />
    </SignInStep>
  );
}
