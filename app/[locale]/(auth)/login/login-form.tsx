"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { lazySchema } from "@/components/form/form-schema";
import { SendHomeIfLoggedIn } from "@/components/auth/send-home-if-logged-in";
import { useHydratedSearchParams } from "@/components/shell/use-hydrated-search-params";
import { askLoginCaptcha } from "./ask-captcha";
import { safeNextPath } from "./safe-next-path";

const SCHEMA = lazySchema(() => import("./login.validation").then((m) => m.loginSchema));

/**
 * 登录 of an accountant: 证件号码 + 密码, with 找回密码 and 用户注册 at hand. `?next=` is where to
 * go after login (pages behind login send the visitor here with it), `?reset=1` follows 找回密码.
 */
export function LoginForm() {
  const t = useTranslations("Login");
  const auth = useTranslations("Auth");
  const params = useHydratedSearchParams();
  const next = params?.get("next");
  return (
    <SendHomeIfLoggedIn personTo={safeNextPath(next)}>
      <CredentialsLoginForm
        schema={SCHEMA}
        nameField={{ name: "idNumber", label: auth("idNumber"), preset: "id-number" }}
        next={safeNextPath(next)}
        askCaptcha={askLoginCaptcha}
        notice={params?.get("reset") ? t("afterReset") : next ? t("loginFirst") : undefined}
        links={
          <div className="flex justify-between text-sm">
            <Link className="text-primary underline" href="/forgot-password">
              {t("forgotPassword")}
            </Link>
            <Link className="text-primary underline" href="/register">
              {t("register")}
            </Link>
          </div>
        }
      />
    </SendHomeIfLoggedIn>
  );
}
