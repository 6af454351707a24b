import { beijingDayStart, formatBeijingDate } from "@/lib/time/beijing";
import { yearOf, type HolidayCalendar } from "./calendar";

// Working-day arithmetic for China (issue 10: auto-review "after the configured number of
// working days"; manual 4.1/4.2 “1-2个工作日系统自动完成审核”). A day is a working day when the
// calendar lists it as 调休, or it is Monday–Friday and not a holiday; a year without data counts
// plain Monday–Friday and is reported in `yearsWithoutData`.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day after `day` (both "YYYY-MM-DD"). */
export function nextDay(day: string): string {
  return formatBeijingDate(beijingDayStart(day).getTime() + DAY_MS);
}

/** Monday to Friday (a "YYYY-MM-DD" day; the weekday of a date is the same everywhere). */
export function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  beijingDayStart(day); // throws RangeError on a malformed or impossible date
  const year = calendar.get(yearOf(day));
  if (year?.workdays.has(day)) return true;
  if (year?.holidays.has(day)) return false;
  return isWeekday(day);
}

export interface WorkingDayResult {
  day: string;
  /** Years counted Monday–Friday for want of data; empty when the calendar covered them all. */
  yearsWithoutData: number[];
}

/**
 * The `n`-th working day after `from` (a "YYYY-MM-DD" day, or an instant taken in Beijing time).
 * n = 0: `from` itself when it is a working day, else the next one.
 */
export function addWorkingDays(
  from: string | Date,
  n: number,
  calendar: HolidayCalendar,
): WorkingDayResult {
  if (!Number.isInteger(n) || n < 0 || n > 366) {
    throw new RangeError(`工作日数应为 0 到 366 的整数：${n}`);
  }
  let day = typeof from === "string" ? from : formatBeijingDate(from);
  const missing = new Set<number>();
  const examine = (d: string) => {
    if (!calendar.has(yearOf(d))) missing.add(yearOf(d));
    return isWorkingDay(d, calendar);
  };
  // n = 0 asks for the first working day from `from` on, n > 0 for the n-th one after it.
  let left = n === 0 && !examine(day) ? 1 : n;
  while (left > 0) {
    day = nextDay(day);
    if (examine(day)) left--;
  }
  return { day, yearsWithoutData: [...missing].sort((a, b) => a - b) };
}
