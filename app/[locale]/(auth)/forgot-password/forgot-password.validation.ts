import * as z from "zod/mini";
import {
  captchaSchema,
  passwordInputSchema,
  refinePasswordPair,
  smsCodeSchema,
} from "@/lib/account/field-schemas";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { mobileSchema, normalizeMobile } from "@/lib/phone/mobile";

// 找回密码: shared by the form and its server actions.

const idNumberSchema = z
  .string({ error: () => "请输入证件号码" })
  .check(z.trim(), z.minLength(1, "请输入证件号码"), z.maxLength(40, "证件号码过长"));

export const sendResetCodeSchema = z.object({
  idNumber: idNumberSchema,
  phone: mobileSchema,
  ...captchaSchema,
});

export const resetPasswordSchema = z
  .object({
    idNumber: idNumberSchema,
    phone: mobileSchema,
    smsCode: smsCodeSchema,
    password: passwordInputSchema,
    confirmPassword: z
      .string({ error: () => "请再次输入密码" })
      .check(z.minLength(1, "请再次输入密码")),
  })
  .check(
    z.superRefine(
      (v, ctx) =>
        refinePasswordPair(
          v,
          { idNumber: text(v.idNumber), phone: normalizeMobile(text(v.phone)) ?? text(v.phone) },
          ctx,
        ),
      ALWAYS,
    ),
  );

export type ResetPasswordValues = z.input<typeof resetPasswordSchema>;
