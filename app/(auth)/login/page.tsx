import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { LoginForm } from "./login-form";
import { safeNextPath } from "./login.validation";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const { next, reset } = await searchParams;
  return (
    <PageContainer className="max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">登录</h1>
      <LoginForm
        next={safeNextPath(next)}
        notice={
          reset
            ? "密码已重置，请使用新密码登录。"
            : next
              ? "请先登录，登录后将返回您刚才访问的页面。"
              : undefined
        }
      />
    </PageContainer>
  );
}
