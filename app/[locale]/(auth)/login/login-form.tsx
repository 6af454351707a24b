"use client";

import Link from "next/link";
import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { SendHomeIfLoggedIn } from "@/components/auth/send-home-if-logged-in";
import { useHydratedSearchParams } from "@/components/shell/use-hydrated-search-params";
import { askLoginCaptcha } from "./ask-captcha";
import { loginSchema, safeNextPath } from "./login.validation";

/**
 * 登录 of an accountant: 证件号码 + 密码, with 找回密码 and 用户注册 at hand. `?next=` is where to
 * go after login (pages behind login send the visitor here with it), `?reset=1` follows 找回密码.
 */
export function LoginForm() {
  const params = useHydratedSearchParams();
  const next = params?.get("next");
  return (
    <SendHomeIfLoggedIn personTo={safeNextPath(next)}>
      <CredentialsLoginForm
        schema={loginSchema}
        nameField={{ name: "idNumber", label: "证件号码", preset: "id-number" }}
        next={safeNextPath(next)}
        askCaptcha={askLoginCaptcha}
        notice={
          params?.get("reset")
            ? "密码已重置，请使用新密码登录。"
            : next
              ? "请先登录，登录后将返回您刚才访问的页面。"
              : undefined
        }
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
    </SendHomeIfLoggedIn>
  );
}
