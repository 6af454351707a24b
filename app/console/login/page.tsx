import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageContainer } from "@/components/shell/page-container";
import { currentStaff } from "@/lib/auth/current-staff";
import { StaffLoginForm } from "./staff-login-form";
import { safeConsolePath } from "./staff-login.validation";

export const metadata: Metadata = { title: "财政部门登录" };

// The console's door: finance staff log in with the 登录名 their administrator gave them. Staff
// already logged in go straight on.

export default async function StaffLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  if (await currentStaff()) redirect(safeConsolePath(next));
  return (
    <PageContainer className="max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">财政部门登录</h1>
      <p className="mb-6 text-sm text-muted-foreground">
        供各级财政部门工作人员办理会计人员管理业务。会计人员请从首页“登录”进入。
      </p>
      <StaffLoginForm
        next={safeConsolePath(next)}
        notice={next ? "请先登录，登录后将返回您刚才访问的页面。" : undefined}
      />
    </PageContainer>
  );
}
