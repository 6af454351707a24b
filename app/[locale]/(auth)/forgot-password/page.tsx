import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "找回密码" };

export default function ForgotPasswordPage() {
  return (
    <PageContainer className="max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">找回密码</h1>
      <p className="mb-6 text-sm text-muted-foreground">
        输入证件号码和注册时的手机号码，通过短信验证后设置新密码。原手机号码已停用的，请携带证件到所在地财政部门办理。
      </p>
      <ForgotPasswordForm />
    </PageContainer>
  );
}
