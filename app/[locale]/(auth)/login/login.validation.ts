import * as z from "zod/mini";

// The login form's own checks; the server (lib/account/login-service.ts) decides the rest.
export const loginSchema = z.object({
  idNumber: z
    .string()
    .check(z.trim(), z.minLength(1, "请输入证件号码"), z.maxLength(40, "证件号码过长")),
  password: z.string().check(z.minLength(1, "请输入密码"), z.maxLength(128, "密码过长")),
});

export type LoginValues = z.input<typeof loginSchema>;

/** What the captcha question takes: the 证件号码 alone, checked as the login checks it. */
export const loginNameSchema = z.pick(loginSchema, { idNumber: true });

/**
 * Only same-site paths are followed after login (no open redirect). Parsed as a URL, because
 * browsers drop tabs and newlines: "/\t/evil.example" would become "//evil.example".
 */
export function safeNextPath(next: string | null | undefined, fallback = "/account"): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const base = "http://kuaiji.invalid";
    const url = new URL(next, base);
    return url.origin === base ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}
