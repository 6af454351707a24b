import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { StaffLoginForm } from "./staff-login-form";
import { localeOf } from "@/i18n/locale-of";

export const metadata: Metadata = { title: "财政部门登录" };
// Static: one page for every query; the form reads `next` and sends staff already logged in on,
// in the browser.
export const dynamic = "force-static";

// The console's door: finance staff log in with the 登录名 their administrator gave them.

export default async function StaffLoginPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  return (
    <PageContainer className="max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">财政部门登录</h1>
      <p className="mb-6 text-sm text-muted-foreground">
        供各级财政部门工作人员办理会计人员管理业务。会计人员请从首页“登录”进入。
      </p>
      <StaffLoginForm />
    </PageContainer>
  );
}
