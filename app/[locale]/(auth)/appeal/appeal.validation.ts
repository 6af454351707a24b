import * as z from "zod/mini";
import { captchaSchema, personNameSchema, smsCodeSchema } from "@/lib/account/field-schemas";
import { APPEAL_NUMBER_PATTERN, normalizeAppealNumber } from "@/lib/appeal/appeal-rules";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { documentTypeSchema, isDocumentTypeCode } from "@/lib/identity/document-types";
import { mobileSchema } from "@/lib/phone/mobile";
import { ALWAYS, text } from "@/lib/utils/refinement";

// Shared by the 账号申诉 forms and their server actions: 第一步 (who, the new phone, its code),
// 提交 (the draft and its secret), and 申诉进度查询.

export const sendAppealCodeSchema = z.object({ phone: mobileSchema, ...captchaSchema });

export const startAppealSchema = z
  .object({
    name: personNameSchema,
    idType: documentTypeSchema,
    idNumber: z.string({ error: () => "请输入证件号码" }).check(z.maxLength(40, "证件号码过长")),
    phone: mobileSchema,
    smsCode: smsCodeSchema,
  })
  .check(
    z.superRefine((v, ctx) => {
      if (!isDocumentTypeCode(v.idType)) return;
      const doc = validateDocumentNumber(v.idType, text(v.idNumber), new Date());
      if (!doc.ok) ctx.addIssue({ code: "custom", message: doc.message, path: ["idNumber"] });
    }, ALWAYS),
  );
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
