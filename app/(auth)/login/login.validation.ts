import { z } from "zod";

// The login form's own checks; the server (lib/account/login-service.ts) decides the rest.
export const loginSchema = z.object({
  idNumber: z.string().trim().min(1, "请输入证件号码").max(40, "证件号码过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
});

export type LoginValues = z.input<typeof loginSchema>;

/** Only same-site paths are followed after login (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
    ? next
    : "/account";
}
