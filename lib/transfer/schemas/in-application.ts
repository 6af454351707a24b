import * as z from "zod/mini";
import { refineDocumentNumber, refinePasswordPair } from "@/lib/account/field-schemas";
import { identityWithPhoneFields, sendPhoneCodeSchema } from "@/lib/account/identity-phone-schemas";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { normalizeMobile } from "@/lib/phone/mobile";

// 省外调入 (用户操作手册 4.2), a public page: 第一步 填写验证信息 — 姓名, 证件号码, 手机号 with its SMS
// code (a graphic captcha before the code is sent, as in registration) and 调入地, which must
// equal the county the sending side named; 第二步 确认调入 — with 设置密码 when the person has no
// account here yet. Run in the browser and again in the actions.

export const sendTransferInCodeSchema = sendPhoneCodeSchema;

export const transferInVerifySchema = z
  .object({
    ...identityWithPhoneFields,
    regionCode: z.string().check(z.regex(/^\d{6}$/, "请选择调入地，须选到区县")),
  })
  .check(z.superRefine((v, ctx) => void refineDocumentNumber(v, ctx), ALWAYS));
export type TransferInVerifyValues = z.input<typeof transferInVerifySchema>;

/**
 * 确认调入: the ticket step 1 handed out and, when step 1 said the person has no account here
 * (needsPassword "yes"), the password to set. The number and phone only feed the password rules
 * (the password may not contain them); the server takes both from the ticket.
 */
export const transferInConfirmSchema = z
  .object({
    ticket: z
      .string()
      .check(z.minLength(1, "验证信息已失效，请返回第一步重新验证"), z.maxLength(4000)),
    needsPassword: z.enum(["yes", "no"]),
    idNumber: z.string().check(z.maxLength(40)),
    phone: z.string().check(z.maxLength(20)),
    password: z.string().check(z.maxLength(128, "密码过长")),
    confirmPassword: z.string().check(z.maxLength(128)),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.needsPassword !== "yes") return;
      refinePasswordPair(
        v,
        { idNumber: text(v.idNumber), phone: normalizeMobile(text(v.phone)) ?? text(v.phone) },
        ctx,
      );
    }, ALWAYS),
  );
export type TransferInConfirmValues = z.input<typeof transferInConfirmSchema>;
