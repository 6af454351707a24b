import type { LoginFailureCode } from "@/lib/account/password-login";

/**
 * next-auth v4 passes a thrown authorize() error to the client only as its message string, so
 * the failure travels as compact JSON and the login form decodes it.
 */
export interface LoginError {
  code: LoginFailureCode | "unknown";
  message: string;
  captchaRequired: boolean;
}

export function encodeLoginError(e: Omit<LoginError, "code"> & { code: LoginFailureCode }): string {
  return JSON.stringify({ code: e.code, message: e.message, captchaRequired: e.captchaRequired });
}

export function decodeLoginError(raw: string | null | undefined): LoginError {
  try {
    const v = JSON.parse(raw ?? "") as Partial<LoginError>;
    if (typeof v.message === "string")
      return {
        code: v.code ?? "unknown",
        message: v.message,
        captchaRequired: v.captchaRequired === true,
      };
  } catch {
    // fall through: not one of ours (e.g. next-auth's own CSRF error)
  }
  return { code: "unknown", message: "登录失败，请刷新页面后重试", captchaRequired: true };
}
