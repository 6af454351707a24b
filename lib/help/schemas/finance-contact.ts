import * as z from "zod/mini";
import { requiredText } from "@/lib/collection/schemas/fields";
import { officePhoneSchema } from "@/lib/phone/office-phone";
import { MAX_ADDRESS, MAX_HOURS, MAX_OFFICE_NAME } from "./finance-contact-limits";

// 财政部门联系方式 as a 管理员 enters it for an office (their own or one below): the console form's
// schema, run in the browser and again in the service (lib/help/contact-admin.ts). Plain text:
// React escapes it where the 帮助 page shows it.

/** The office: a 6-digit GB/T 2260 code (the page's, never typed). */
const officeCode = z.string().check(z.regex(/^\d{6}$/, "请选择财政部门"));

export const financeContactSchema = z.object({
  regionCode: officeCode,
  officeName: requiredText("单位名称", MAX_OFFICE_NAME),
  phone: officePhoneSchema,
  address: requiredText("办公地址", MAX_ADDRESS),
  /** Optional: "" when not given. */
  hours: z.string().check(z.trim(), z.maxLength(MAX_HOURS, `办公时间不能超过${MAX_HOURS}个字`)),
});
export type FinanceContactValues = z.input<typeof financeContactSchema>;
export type FinanceContactInput = z.output<typeof financeContactSchema>;

/** 删除 an office's contact: the office only. */
export const removeFinanceContactSchema = z.object({ regionCode: officeCode });
