import { z } from "zod";
import { defineCodeTable } from "@/lib/codes/code-table";
import { beijingDayStart } from "@/lib/time/beijing";
import { isWeekday } from "../working-days";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 节假日设置 (issue 10, "Working days"): one day of the holiday table as province staff enter it
// when the State Council publishes a new year — the form's schema, run in the browser and again
// in the action (lib/workdays/holiday-service.ts stores it).

export const HOLIDAY_KINDS = defineCodeTable(
  [
    { code: "holiday", label: "放假" },
    { code: "workday", label: "调休上班" },
  ],
  "请选择放假或调休上班",
);
export type HolidayKind = (typeof HOLIDAY_KINDS.codes)[number];

/** The first year chinese-days covers; later years up to this bound may be entered ahead. */
export const HOLIDAY_YEARS = { min: 2004, max: 2099 } as const;
export const MAX_HOLIDAY_NAME = 20;

function realDate(day: string): boolean {
  try {
    beijingDayStart(day);
    return true;
  } catch {
    return false;
  }
}

const dateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请选择日期")
  .refine(realDate, "日期不存在")
  .refine((day) => {
    const year = Number(day.slice(0, 4));
    return year >= HOLIDAY_YEARS.min && year <= HOLIDAY_YEARS.max;
  }, `只能设置 ${HOLIDAY_YEARS.min}—${HOLIDAY_YEARS.max} 年的日期`);

export const holidayDaySchema = z
  .object({
    date: dateSchema,
    // Typed as any string on the way in: the form holds "" until a radio is chosen.
    kind: z.string().pipe(codeTableSchema(HOLIDAY_KINDS)),
    name: z
      .string()
      .trim()
      .min(1, "请填写节日名称，如：国庆节")
      .max(MAX_HOLIDAY_NAME, `节日名称不能超过${MAX_HOLIDAY_NAME}个字`),
  })
  // Monday–Friday is worked anyway: a 调休 day is a weekend day the notice makes a working day.
  .refine((d) => d.kind !== "workday" || !isWeekday(d.date), {
    path: ["kind"],
    message: "调休上班日应为周六或周日（周一至周五本就上班）",
  });
export type HolidayDayInput = z.infer<typeof holidayDaySchema>;

/** 删除 names the day. */
export const holidayDateSchema = z.object({ date: dateSchema });
