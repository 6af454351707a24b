import * as z from "zod/mini";
import { refineDocumentNumber, smsCodeSchema } from "@/lib/account/field-schemas";
import { identityWithPhoneFields, sendPhoneCodeSchema } from "@/lib/account/identity-phone-schemas";
import { APPEAL_NUMBER_PATTERN, normalizeAppealNumber } from "@/lib/appeal/appeal-rules";
import { mobileSchema } from "@/lib/phone/mobile";
import { ALWAYS } from "@/lib/utils/refinement";

// Shared by the 账号申诉 forms and their server actions: 第一步 (who, the new phone, its code),
// 提交 (the draft and its secret), and 申诉进度查询.

export const sendAppealCodeSchema = sendPhoneCodeSchema;

export const startAppealSchema = z
  .object({
    ...identityWithPhoneFields,
  })
  .check(z.superRefine((v, ctx) => void refineDocumentNumber(v, ctx), ALWAYS));
export type StartAppealValues = z.input<typeof startAppealSchema>;

export const submitAppealSchema = z.object({
  appealId: z.string().check(z.maxLength(64)),
  token: z.string().check(z.maxLength(100)),
});

export const appealNumberSchema = z.pipe(
  z.string({ error: () => "请输入申诉编号" }),
  z.transform((v: string, ctx) => {
    const n = normalizeAppealNumber(v);
    if (APPEAL_NUMBER_PATTERN.test(n)) return n;
    ctx.issues.push({
      code: "custom",
      message: n === "" ? "请输入申诉编号" : "申诉编号为SS加14位数字",
      input: v,
    });
    return z.NEVER;
  }),
);

export const appealStatusSchema = z.object({
  appealNumber: appealNumberSchema,
  phone: mobileSchema,
  smsCode: smsCodeSchema,
});
export type AppealStatusValues = z.input<typeof appealStatusSchema>;
