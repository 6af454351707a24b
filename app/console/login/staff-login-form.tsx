"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { useSessionKind } from "@/components/auth/use-session-kind";
import { useHydratedSearchParams } from "@/components/shell/use-hydrated-search-params";
import { safeConsolePath, staffLoginSchema } from "./staff-login.validation";

/**
 * 财政部门登录: 登录名 + 密码; a forgotten password is reset by the office's administrator.
 * `?next=` is the console page to go to after login; staff already logged in go there at once.
 */
export function StaffLoginForm() {
  const router = useRouter();
  const params = useHydratedSearchParams();
  const next = params?.get("next");
  const session = useSessionKind();
  useEffect(() => {
    if (params && session === "staff") router.replace(safeConsolePath(params.get("next")));
  }, [params, router, session]);
  return (
    <CredentialsLoginForm
      provider="staff"
      schema={staffLoginSchema}
      nameField={{ name: "username", label: "登录名" }}
      next={safeConsolePath(next)}
      notice={next ? "请先登录，登录后将返回您刚才访问的页面。" : undefined}
      links={
        <p className="text-sm text-muted-foreground">
          忘记密码或账户被锁定，请联系本单位平台管理员。
        </p>
      }
    />
  );
}
