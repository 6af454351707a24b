"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import {
  type CredentialsOutcome,
  CredentialsLoginForm,
} from "@/components/auth/credentials-login-form";
import { useVisitor } from "@/components/auth/use-visitor";
import { lazySchema } from "@/components/form/form-schema";
import { useHydratedSearchParams } from "@/components/shell/use-hydrated-search-params";
import type { LoginFailureCode } from "@/lib/account/password-login";
import { signInStepPath } from "@/lib/staff/sign-in-steps";
import { staffCaptchaAction, staffPasswordAction } from "./actions";
import { safeConsolePath } from "./safe-console-path";

const SCHEMA = lazySchema(() => import("./staff-login.validation").then((m) => m.staffLoginSchema));

/** Will the password step with this 登录名 want the captcha? Unsure is no: the step will say. */
async function askCaptcha(username: string): Promise<boolean> {
  const r = await staffCaptchaAction({ username });
  return r.ok && r.data.captcha;
}

/**
 * 财政部门登录: 登录名 + 密码, then the sign-in's next step (动态验证码; on a first login the new
 * password and the authenticator). A forgotten password is reset by the office's administrator.
 * `?next=` is the console page to go to at the end; staff already logged in go there at once.
 */
export function StaffLoginForm() {
  const router = useRouter();
  const params = useHydratedSearchParams();
  const next = safeConsolePath(params?.get("next"));
  const visitor = useVisitor();
  useEffect(() => {
    if (params && visitor?.kind === "staff") router.replace(safeConsolePath(params.get("next")));
  }, [params, router, visitor]);
  async function submit(fields: Record<string, string>): Promise<CredentialsOutcome> {
    const r = await staffPasswordAction({
      username: fields.username ?? "",
      password: fields.password ?? "",
      captchaId: fields.captchaId,
      captchaAnswer: fields.captchaAnswer,
    });
    if (r.ok) return { ok: true, to: signInStepPath(r.data.step, next) };
    const code = (r.code ?? "unknown") as LoginFailureCode | "unknown";
    const message = r.formError ?? Object.values(r.fieldErrors)[0] ?? "登录失败，请重试";
    return { ok: false, error: { code, message, captchaRequired: true } };
  }
  const notice = params?.get("expired")
    ? "登录已超时，请重新输入登录名和密码。"
    : params?.get("next")
      ? "请先登录，登录后将返回您刚才访问的页面。"
      : undefined;
  return (
    <CredentialsLoginForm
      submit={submit}
      schema={SCHEMA}
      nameField={{ name: "username", label: "登录名" }}
      next={next}
      notice={notice}
      askCaptcha={askCaptcha}
      links={
        <p className="text-sm text-muted-foreground">
          忘记密码、账户被锁定或手机丢失，请联系本单位平台管理员。
        </p>
      }
    />
  );
}
