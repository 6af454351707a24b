import { z } from "zod";
import {
  ALWAYS,
  captchaSchema,
  passwordInputSchema,
  refinePasswordPair,
  smsCodeSchema,
  text,
} from "@/lib/account/field-schemas";
import { mobileSchema, normalizeMobile } from "@/lib/phone/mobile";

// 找回密码: shared by the form and its server actions.

const idNumberSchema = z
  .string({ error: () => "请输入证件号码" })
  .trim()
  .min(1, "请输入证件号码")
  .max(40, "证件号码过长");

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
    confirmPassword: z.string({ error: () => "请再次输入密码" }).min(1, "请再次输入密码"),
  })
  .superRefine(
    (v, ctx) =>
      refinePasswordPair(
        v,
        { idNumber: text(v.idNumber), phone: normalizeMobile(text(v.phone)) ?? text(v.phone) },
        ctx,
      ),
    ALWAYS,
  );

export type ResetPasswordValues = z.input<typeof resetPasswordSchema>;
