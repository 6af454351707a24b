import type { Metadata } from "next";
import { requireSignInStep } from "@/lib/auth/staff-sign-in";
import { nextOf, SignInStep } from "../sign-in-step";
import { FinishSignIn } from "./finish-sign-in";

export const metadata: Metadata = { title: "正在登录 · 财政部门登录" };

export default async function FinishPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextOf(searchParams);
  await requireSignInStep("done", next);
  return (
    <SignInStep title="验证通过" intro="正在打开财政部门管理端。">
      <FinishSignIn next={next} />
    </SignInStep>
  );
}
