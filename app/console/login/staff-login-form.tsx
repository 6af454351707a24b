"use client";

import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { staffLoginSchema } from "./staff-login.validation";

/** 财政部门登录: 登录名 + 密码; a forgotten password is reset by the office's administrator. */
export function StaffLoginForm({ next, notice }: { next: string; notice?: string }) {
  return (
    <CredentialsLoginForm
      provider="staff"
      schema={staffLoginSchema}
      nameField={{ name: "username", label: "登录名" }}
      next={next}
      notice={notice}
      links={
        <p className="text-sm text-muted-foreground">
          忘记密码或账户被锁定，请联系本单位平台管理员。
        </p>
      }
    />
  );
}
