import * as z from "zod/mini";
import { codeTableSchema } from "@/lib/codes/code-table-schema";
import { attachmentId, requiredText } from "@/lib/collection/schemas/fields";
import {
  CE_CATEGORIES,
  type CeClaimContext,
  CHOOSE_KIND,
  type ClaimKindCode,
  claimYearProblem,
  creditsFor,
  type CreditInputs,
  isValidCourseCredits,
  MAX_CONFERENCE_DAYS,
  MAX_COURSE_CREDITS,
  PAPER_AUTHORSHIPS,
} from "./credit-kinds";

// The schemas of the claim forms (the form fetches them after the page shows, the server action
// parses with them) and of a provider course as finance staff enter or import it. What the forms
// show — the kinds, their equivalences, the limits — is credit-kinds.ts, which loads no zod.

// --- Claim forms ---------------------------------------------------------------------------------

/** A year typed as a number or "2024", within [obligation start, this year]; outputs a number. */
export function claimYearField(label: string, ctx: CeClaimContext) {
  return z.pipe(
    z.union([z.number(), z.string()], { error: () => `请填写${label}` }),
    z.transform((raw: number | string, issue) => {
      const s = String(raw).trim();
      const message =
        s === ""
          ? `请填写${label}`
          : !/^\d{4}$/.test(s)
            ? `${label}应为4位年份，如2024`
            : claimYearProblem(Number(s), label, ctx);
      if (message) {
        issue.issues.push({ code: "custom", message, input: raw });
        return z.NEVER;
      }
      return Number(s);
    }),
  );
}

const evidence = attachmentId("请上传证明材料");

export function examClaimSchema(ctx: CeClaimContext) {
  return z.object({
    kind: z.literal("EXAM", { error: () => CHOOSE_KIND }),
    year: claimYearField("考试通过年度", ctx),
    examName: requiredText("考试名称", 50),
    subject: requiredText("通过科目", 50),
    attachmentId: evidence,
  });
}

export function conferenceClaimSchema(ctx: CeClaimContext) {
  const daysMessage = `会议天数应为1至${MAX_CONFERENCE_DAYS}之间的整数`;
  return z.object({
    kind: z.literal("CONFERENCE", { error: () => CHOOSE_KIND }),
    year: claimYearField("会议年度", ctx),
    name: requiredText("会议名称", 100),
    organiser: requiredText("主办单位", 100),
    days: z.pipe(
      z.union([z.number(), z.string()], { error: () => "请填写会议天数" }),
      z.transform((raw: number | string, issue) => {
        const s = String(raw).trim();
        const days = Number(s);
        const fail = (message: string) =>
          issue.issues.push({ code: "custom", message, input: raw });
        if (s === "") fail("请填写会议天数");
        else if (!/^\d+$/.test(s) || days < 1 || days > MAX_CONFERENCE_DAYS) fail(daysMessage);
        else return days;
        return z.NEVER;
      }),
    ),
    attachmentId: evidence,
  });
}

export function degreeCourseClaimSchema(ctx: CeClaimContext) {
  return z.object({
    kind: z.literal("DEGREE_COURSE", { error: () => CHOOSE_KIND }),
    year: claimYearField("课程考核通过年度", ctx),
    school: requiredText("学校名称", 100),
    major: requiredText("所学专业", 50),
    courseName: requiredText("课程名称", 100),
    attachmentId: evidence,
  });
}

/** 国内统一刊号, e.g. "CN 11-1234/F" (the rule counts papers in CN-numbered journals only). */
export const CN_SERIAL = /^CN ?\d{2}-\d{4}\/[A-Z0-9.]{1,6}$/;

export function paperClaimSchema(ctx: CeClaimContext) {
  return z.object({
    kind: z.literal("PAPER", { error: () => CHOOSE_KIND }),
    year: claimYearField("发表年度", ctx),
    title: requiredText("论文题目", 200),
    journal: requiredText("刊物名称", 100),
    serialNumber: z
      .string({ error: () => "请填写国内统一刊号" })
      .check(
        z.trim(),
        z.toUpperCase(),
        z.minLength(1, "请填写国内统一刊号"),
        z.regex(CN_SERIAL, "国内统一刊号格式应如 CN 11-1234/F"),
      ),
    authorship: codeTableSchema(PAPER_AUTHORSHIPS),
    attachmentId: evidence,
  });
}

const CLAIM_SCHEMAS = {
  EXAM: examClaimSchema,
  CONFERENCE: conferenceClaimSchema,
  DEGREE_COURSE: degreeCourseClaimSchema,
  PAPER: paperClaimSchema,
} satisfies Record<ClaimKindCode, (ctx: CeClaimContext) => z.ZodMiniType>;

export type ClaimSchema<K extends ClaimKindCode> = ReturnType<(typeof CLAIM_SCHEMAS)[K]>;
export type ClaimInput<K extends ClaimKindCode> = z.output<ClaimSchema<K>>;

/** The claim form's schema for `kind` (shared by the form and the server action). */
export function claimSchema<K extends ClaimKindCode>(kind: K, ctx: CeClaimContext): ClaimSchema<K> {
  return CLAIM_SCHEMAS[kind](ctx) as ClaimSchema<K>;
}

/** Any claim, told apart by `kind` (for one action that takes every kind). */
export function anyClaimSchema(ctx: CeClaimContext) {
  return z.discriminatedUnion("kind", [
    examClaimSchema(ctx),
    conferenceClaimSchema(ctx),
    degreeCourseClaimSchema(ctx),
    paperClaimSchema(ctx),
  ]);
}
export type AnyClaimInput = z.output<ReturnType<typeof anyClaimSchema>>;

/** The credits a parsed claim is worth. */
export function claimCredits(claim: AnyClaimInput): number {
  return creditsFor(claim.kind, claim as CreditInputs[typeof claim.kind]);
}

// --- Provider courses (entered or imported by finance staff) -------------------------------------

/** A provider course record as finance staff enter or import it; years follow the claim rules. */
export function courseEntrySchema(ctx: CeClaimContext) {
  const creditsMessage = `学分应为大于0且不超过${MAX_COURSE_CREDITS}的数，最多一位小数`;
  return z.object({
    year: claimYearField("学习年度", ctx),
    courseName: requiredText("课程名称", 100),
    provider: requiredText("培训机构", 100),
    category: codeTableSchema(CE_CATEGORIES),
    credits: z.pipe(
      z.union([z.number(), z.string()], { error: () => "请填写学分" }),
      z.transform((raw: number | string, issue) => {
        const s = String(raw).trim();
        const fail = (message: string) =>
          issue.issues.push({ code: "custom", message, input: raw });
        if (s === "") fail("请填写学分");
        else if (!/^\d+(\.\d+)?$/.test(s) || !isValidCourseCredits(Number(s))) {
          fail(creditsMessage);
        } else return Number(s);
        return z.NEVER;
      }),
    ),
  });
}
export type CourseEntryInput = z.output<ReturnType<typeof courseEntrySchema>>;
