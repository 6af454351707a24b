import * as z from "zod/mini";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { ethnicGroupSchema } from "@/lib/codes/ethnic-group-codes";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import { DOCUMENT_TYPES } from "@/lib/identity/document-types";
import { type GenderCode, parseBirthDate } from "@/lib/identity/gb11643";
import { beijingDayStart } from "@/lib/time/beijing";
import { GENDER_OPTIONS } from "../gender-options";
import { type CollectionContext, asksGenderAndBirthDate } from "../rules";
import { attachmentId } from "./fields";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 个人信息: 民族, 政治面貌, 电子邮箱 and the attachments (本人免冠证件照, the document's pages, and a
// 学生证 — required for 在校生, a rule checked across steps). 姓名/证件 come from registration;
// 性别 and 出生日期 are asked only when the document number does not carry them, 国籍/地区 only when
// the document does not settle it (护照, 外国人永久居留身份证).

const emailSchema = z.pipe(
  z
    .string({ error: () => "请填写电子邮箱" })
    .check(
      z.trim(),
      z.minLength(1, "请填写电子邮箱"),
      z.maxLength(100, "电子邮箱不能超过100个字符"),
    ),
  z.email("电子邮箱格式不正确，例如 name@example.com"),
);

const BIRTH_DATE_MESSAGES = {
  invalid: "出生日期无效，请按YYYY-MM-DD填写",
  "too-early": "出生日期不能早于1880年",
  future: "出生日期不能晚于今天",
} as const;

/** Why the entered birth date cannot be right, or null. */
function birthDateProblem(raw: string, ctx: CollectionContext): string | null {
  if (raw === "") return "请填写出生日期";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return BIRTH_DATE_MESSAGES.invalid;
  const r = parseBirthDate(raw.replaceAll("-", ""), beijingDayStart(ctx.today));
  return r.ok ? null : BIRTH_DATE_MESSAGES[r.reason];
}

export function personalSchema(ctx: CollectionContext) {
  const pages = DOCUMENT_TYPES[ctx.documentType].attachments;
  const asks = asksGenderAndBirthDate(ctx);
  const fields = z
    .object({
      ethnicGroup: ethnicGroupSchema,
      politicalStatus: codeTableSchema(POLITICAL_STATUSES),
      email: emailSchema,
      nationality: z.optional(z.string()),
      gender: z.optional(z.string()),
      birthDate: z.optional(z.string().check(z.trim())),
      headshotId: attachmentId("请上传本人免冠证件照"),
      /** One id per page of the document type (身份证人像面/国徽面, 护照资料页/有效期页, …). */
      // Missing reads as {}: each page is then asked for at its own field.
      documentPageIds: z.prefault(
        z.object(Object.fromEntries(pages.map((p) => [p.id, attachmentId(`请上传${p.label}`)])), {
          error: () => "请上传证件照片",
        }),
        {},
      ),
      studentCardId: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    })
    .check(
      z.superRefine((v, issue) => {
        if (!ctx.nationality && !ctx.nationalityCodes?.includes(text(v.nationality))) {
          issue.addIssue({ code: "custom", message: "请选择国籍/地区", path: ["nationality"] });
        }
        if (!asks) return;
        if (!GENDER_OPTIONS.some((o) => o.value === v.gender)) {
          issue.addIssue({ code: "custom", message: "请选择性别", path: ["gender"] });
        }
        const problem = birthDateProblem(text(v.birthDate).trim(), ctx);
        if (problem) issue.addIssue({ code: "custom", message: problem, path: ["birthDate"] });
      }, ALWAYS),
    );
  return z.pipe(
    fields,
    z.transform(
      ({
        nationality,
        gender,
        birthDate,
        studentCardId,
        documentPageIds,
        ...rest
      }: z.output<typeof fields>) => ({
        ...rest,
        // What the document settles is kept too, so the archive always names 国籍/地区.
        nationality: ctx.nationality ?? nationality!,
        documentPageIds: documentPageIds as Record<string, string>,
        // Kept only where asked: otherwise the document number is the source of truth.
        ...(asks ? { gender: gender as GenderCode, birthDate: birthDate! } : {}),
        ...(studentCardId ? { studentCardId } : {}),
      }),
    ),
  );
}

export type PersonalInput = z.input<ReturnType<typeof personalSchema>>;
export type PersonalData = z.output<ReturnType<typeof personalSchema>>;
