import * as z from "zod/mini";
import { type DocumentNumberResult, validateDocumentNumber } from "@/lib/identity/document-number";
import { isDocumentTypeCode } from "@/lib/identity/document-types";
import { validatePersonName } from "@/lib/identity/person-name";
import { ALWAYS, normalizedBy, text } from "@/lib/utils/refinement";
import { passwordProblems, type PasswordContext } from "./password-policy";

// Field schemas shared by every account form and its server action (one rule, one place).
// zod/mini, as every schema the browser runs: its functions tree-shake, zod's classic API does not.

export const personNameSchema = normalizedBy(
  z.string({ error: () => "请输入姓名" }),
  validatePersonName,
);

export const smsCodeSchema = z
  .string({ error: () => "请输入短信验证码" })
  .check(z.trim(), z.regex(/^\d{6}$/, "短信验证码为6位数字"));

export const captchaSchema = {
  captchaId: z
    .string({ error: () => "请刷新图形验证码" })
    .check(z.minLength(1, "请刷新图形验证码"), z.maxLength(64)),
  captchaAnswer: z
    .string({ error: () => "请输入图形验证码" })
    .check(z.trim(), z.minLength(1, "请输入图形验证码"), z.maxLength(16)),
};

export const passwordInputSchema = z
  .string({ error: () => "请输入密码" })
  .check(z.minLength(1, "请输入密码"), z.maxLength(128, "密码过长"));

/** 证件号码 as typed: its form depends on 证件类型, checked by refineDocumentNumber. */
export const idNumberInputSchema = z
  .string({ error: () => "请输入证件号码" })
  .check(z.maxLength(40, "证件号码过长"));

/**
 * The 证件号码 check for its 证件类型 (lib/identity/document-number.ts), at the number's field,
 * in an object schema's refinement. Returns the check (its normalized number when valid), or
 * null when the type is not one of ours (the type's own field says so).
 */
export function refineDocumentNumber(
  value: { idType: string; idNumber: string },
  ctx: z.core.$RefinementCtx,
): DocumentNumberResult | null {
  if (!isDocumentTypeCode(value.idType)) return null;
  const doc = validateDocumentNumber(value.idType, text(value.idNumber), new Date());
  if (!doc.ok) ctx.addIssue({ code: "custom", message: doc.message, path: ["idNumber"] });
  return doc;
}

/** Adds the password rules and the 确认密码 check to an object schema's refinement. */
export function refinePasswordPair(
  value: { password: string; confirmPassword: string },
  context: PasswordContext,
  ctx: z.core.$RefinementCtx,
  fields: { password: string; confirm: string } = {
    password: "password",
    confirm: "confirmPassword",
  },
): void {
  const password = text(value.password);
  const problem = passwordProblems(password, context);
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: [fields.password] });
  if (text(value.confirmPassword) !== password) {
    ctx.addIssue({ code: "custom", message: "两次输入的密码不一致", path: [fields.confirm] });
  }
}

/** 新密码 + 确认新密码, as every form that replaces a password asks them. */
export const newPasswordFields = {
  newPassword: passwordInputSchema,
  confirmPassword: z.string().check(z.minLength(1, "请再次输入新密码")),
};

/** The check of newPasswordFields: the rules that need no account, and the two equal. */
export const newPasswordPairCheck = /*#__PURE__*/ z.superRefine(
  (v: { newPassword: string; confirmPassword: string }, ctx) =>
    refinePasswordPair({ password: v.newPassword, confirmPassword: v.confirmPassword }, {}, ctx, {
      password: "newPassword",
      confirm: "confirmPassword",
    }),
  ALWAYS,
);
