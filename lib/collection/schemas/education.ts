import * as z from "zod/mini";
import { ALWAYS } from "@/lib/utils/refinement";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVELS, isLevelWithOutcomes } from "@/lib/codes/education-level";
import { MAX_EDUCATION_ENTRIES } from "../entry-limits";
import type { CollectionContext } from "../rules";
import { monthField, parseMonth, requiredText } from "./fields";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 学历信息: 全日制教育 (at least one entry) and 非全日制教育 (optional: the manual says those who never
// studied part-time leave it empty). One entry schema serves both lists and 信息变更.

export function educationEntrySchema(ctx: CollectionContext) {
  const thisMonth = ctx.today.slice(0, 7);
  const birthMonth = ctx.birthDate?.slice(0, 7);
  return z
    .object({
      level: codeTableSchema(EDUCATION_LEVELS),
      degree: codeTableSchema(DEGREES),
      school: requiredText("毕业院校", 100),
      major: requiredText("所学专业", 100),
      enrolledOn: monthField("入学时间"),
      graduatedOn: monthField("毕业时间"),
      /** 在读: 毕业时间 is the expected one and may lie in the future. */
      inStudy: z._default(z.boolean(), false),
    })
    .check(
      z.superRefine((v, issue) => {
        const enrolled = parseMonth(v.enrolledOn);
        const graduated = parseMonth(v.graduatedOn);
        const add = (path: string, message: string) =>
          issue.addIssue({ code: "custom", message, path: [path] });
        if (v.inStudy !== true && isLevelWithOutcomes(v.level)) {
          add("level", "请选择具体学历（毕业、结业或肄业）；仍在读请勾选“在读”");
        }
        if (enrolled && enrolled > thisMonth) add("enrolledOn", "入学时间不能晚于本月");
        if (enrolled && birthMonth && enrolled < birthMonth) {
          add("enrolledOn", "入学时间不能早于出生日期");
        }
        if (enrolled && graduated && graduated <= enrolled) {
          add("graduatedOn", "毕业时间应晚于入学时间");
        } else if (graduated && graduated > thisMonth && v.inStudy !== true) {
          add("graduatedOn", "毕业时间不能晚于本月；仍在读请勾选“在读”");
        }
      }, ALWAYS),
    );
}

export function educationSchema(ctx: CollectionContext) {
  const entry = educationEntrySchema(ctx);
  return z.object({
    fullTime: z
      .array(entry, { error: () => "请至少填写一条全日制教育信息" })
      .check(
        z.minLength(1, "请至少填写一条全日制教育信息"),
        z.maxLength(MAX_EDUCATION_ENTRIES, `全日制教育最多填写${MAX_EDUCATION_ENTRIES}条`),
      ),
    partTime: z._default(
      z
        .array(entry)
        .check(
          z.maxLength(MAX_EDUCATION_ENTRIES, `非全日制教育最多填写${MAX_EDUCATION_ENTRIES}条`),
        ),
      [],
    ),
  });
}

export type EducationEntryInput = z.input<ReturnType<typeof educationEntrySchema>>;
export type EducationEntry = z.output<ReturnType<typeof educationEntrySchema>>;
export type EducationInput = z.input<ReturnType<typeof educationSchema>>;
export type EducationData = z.output<ReturnType<typeof educationSchema>>;
