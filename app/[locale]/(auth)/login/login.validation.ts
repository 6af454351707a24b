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
