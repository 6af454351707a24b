import { beijingDayStart } from "@/lib/time/beijing";
import { addWorkingDays, nextDay } from "./working-days";
import type { HolidayCalendar } from "./calendar";

// When an application (调出 or 调入) is reviewed automatically, issue 10: "after the configured
// number of working days (default: at the end of the next working day, Beijing time; 1–2
// working days as the manual says)". The count starts the day after submission, whatever the
// hour; the deadline is 24:00 Beijing time of the last counted day, i.e. the instant the next
// calendar day begins — the time the job is due.

export const DEFAULT_REVIEW_WORKING_DAYS = 1;

export interface ReviewDeadline {
  /** The last working day of the review period ("YYYY-MM-DD", Beijing). */
  day: string;
  /** 24:00 Beijing time of `day`: when the automatic review is due. */
  dueAt: Date;
  /** Years counted Monday–Friday for want of holiday data: warn. */
  yearsWithoutData: number[];
}

export function reviewDeadline(
  submittedAt: Date,
  calendar: HolidayCalendar,
  workingDays: number = DEFAULT_REVIEW_WORKING_DAYS,
): ReviewDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`审核工作日数应为正整数：${workingDays}`);
  }
  const { day, yearsWithoutData } = addWorkingDays(submittedAt, workingDays, calendar);
  return { day, dueAt: beijingDayStart(nextDay(day)), yearsWithoutData };
}
