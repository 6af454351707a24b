"use client";

import Link from "next/link";
import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { loginSchema } from "./login.validation";

/** 登录 of an accountant: 证件号码 + 密码, with 找回密码 and 用户注册 at hand. */
export function LoginForm({ next, notice }: { next: string; notice?: string }) {
  return (
    <CredentialsLoginForm
      provider="credentials"
      schema={loginSchema}
      nameField={{ name: "idNumber", label: "证件号码", preset: "id-number" }}
      next={next}
      notice={notice}
      links={
        <div className="flex justify-between text-sm">
          <Link className="text-primary underline" href="/forgot-password">
            找回密码
          </Link>
          <Link className="text-primary underline" href="/register">
            用户注册
          </Link>
        </div>
      }
    />
  );
}
