import * as z from "zod/mini";
import { defineCodeTable } from "@/lib/codes/code-table";
import { COURSE_STATUSES, type CourseStatus, courseStatusLabel } from "@/lib/ce/course-sheet";
import type { CeClaimContext } from "@/lib/ce/credit-kinds";
import { courseEntrySchema } from "@/lib/ce/credit-schemas";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 登记课程学分: a provider course as courseEntrySchema (lib/ce) has it, plus whether the person has
// finished it (已学完 counts at once; 学习中 is 在途未完成数据 until marked finished).

const STATUS_HINTS: Record<CourseStatus, string> = {
  completed: "学分计入当年度",
  enrolled: "学完后再标记",
};

export const COURSE_STATUS = defineCodeTable(
  COURSE_STATUSES.map((code) => ({
    code,
    label: `${courseStatusLabel(code)}（${STATUS_HINTS[code]}）`,
  })),
  "请选择学习状态",
);

/** The form's schema; the year's bounds need the person's obligation start (context). */
export function courseFormSchema(context: CeClaimContext) {
  return z.extend(courseEntrySchema(context), { status: codeTableSchema(COURSE_STATUS) });
}

/**
 * The action's shape check. The course itself is parsed by recordCourse with courseEntrySchema
 * and the context only the server knows for sure (the person's obligation start).
 */
export const courseActionInput = z.looseObject({
  personId: z.string().check(z.maxLength(64)),
  status: codeTableSchema(COURSE_STATUS),
});
