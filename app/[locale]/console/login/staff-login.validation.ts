import * as z from "zod/mini";

// The staff login form's own checks; the server (lib/staff/staff-login-service.ts) decides the rest.
export const staffLoginSchema = z.object({
  username: z
    .string()
    .check(z.trim(), z.minLength(1, "请输入登录名"), z.maxLength(40, "登录名过长")),
  password: z.string().check(z.minLength(1, "请输入密码"), z.maxLength(128, "密码过长")),
});

/** What the captcha question takes: the 登录名 alone, checked as the login checks it. */
export const staffLoginNameSchema = z.pick(staffLoginSchema, { username: true });

/** What the password step's action takes: the form's fields, and the captcha once asked for. */
export const staffPasswordStepSchema = z.extend(staffLoginSchema, {
  captchaId: z.optional(z.string().check(z.maxLength(64))),
  captchaAnswer: z.optional(z.string().check(z.maxLength(16))),
});
