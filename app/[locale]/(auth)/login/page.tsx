import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };
// Static: one page for every query; the form reads `next` and `reset` in the browser.
export const dynamic = "force-static";

export default function LoginPage() {
  return (
    <PageContainer className="max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">登录</h1>
      <LoginForm />
    </PageContainer>
  );
}
