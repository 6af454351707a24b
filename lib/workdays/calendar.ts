import { beijingDayStart } from "@/lib/time/beijing";

// The holiday calendar that working days are counted against (issue 10, "Working days"): per
// year, the 放假 dates and the 调休 weekend dates that are worked. It lives in a database table
// later — seeded from `chinese-days` (chinese-days.ts), extended by province staff when the State
// Council publishes a new year — and reaches this module as a plain value, so the arithmetic
// stays pure. A year missing from the value has no data: days are then counted Monday–Friday and
// the year is reported, so the console and /api/ready can warn.
//
// Days are "YYYY-MM-DD" calendar dates in Beijing time.

export interface YearDays {
  /** Days off, weekends among them where the notice names them (2025-10-04). */
  holidays: ReadonlySet<string>;
  /** 调休: Saturdays and Sundays that are worked (2025-09-28, 2025-10-11). */
  workdays: ReadonlySet<string>;
}

export type HolidayCalendar = ReadonlyMap<number, YearDays>;

export interface CalendarRow {
  date: string;
  kind: "holiday" | "workday";
  /** The festival, e.g. 国庆节; shown to staff, not used for counting. */
  name?: string;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Builds the calendar from rows (the table, or the library). Throws on a malformed date. */
export function calendarFromRows(rows: Iterable<CalendarRow>): HolidayCalendar {
  const years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  for (const row of rows) {
    beijingDayStart(row.date); // throws RangeError on a malformed or impossible date
    const year = yearOf(row.date);
    let days = years.get(year);
    if (!days) years.set(year, (days = { holidays: new Set(), workdays: new Set() }));
    const [own, other] =
      row.kind === "holiday" ? [days.holidays, days.workdays] : [days.workdays, days.holidays];
    if (other.has(row.date)) throw new Error(`${row.date} 不能既是放假日又是调休上班日`);
    own.add(row.date);
  }
  return years;
}

/** The years among `years` the calendar has no data for, ascending. */
export function yearsWithoutData(calendar: HolidayCalendar, years: Iterable<number>): number[] {
  return [...new Set(years)].filter((year) => !calendar.has(year)).sort((a, b) => a - b);
}

/** The warning for the console and /api/ready, or null when every year has data. */
export function missingCalendarMessage(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  return `${years.join("、")} 年的放假和调休安排尚未录入，工作日暂按周一至周五计算`;
}
