import { z } from "zod";
import data from "chinese-days/dist/chinese-days.json";
import { calendarFromRows, type CalendarRow, type HolidayCalendar } from "./calendar";

// Seeds the holiday calendar (calendar.ts) from the `chinese-days` package (issue 10: "Keep the
// holiday table in the database, seeded from the library"): never hand-typed dates. It reads the
// package's data file (dist/chinese-days.json, documented in its README: `holidays` and
// `workdays` keyed by "YYYY-MM-DD", valued "English,中文,days") rather than calling its
// functions, which parse dates in the server's local time zone. The data starts in 2004 and
// ends with the last year the State Council had published when the package was released (2026
// for 1.5.7); later years come from staff, or are counted Monday–Friday with a warning.

const Data = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

const parsed = Data.parse(data);

/** "National Day,国庆节,3" → "国庆节". */
function festival(value: string): string {
  return value.split(",")[1] ?? value;
}

/** The years the package has data for, ascending. */
export function chineseDaysYears(): number[] {
  const years = new Set(Object.keys(parsed.holidays).map((day) => Number(day.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}

/** The package's rows for the given years (for seeding the table); none for a year it lacks. */
export function chineseDaysRows(years: Iterable<number>): CalendarRow[] {
  const wanted = new Set([...years].map(String));
  const rows = (kind: CalendarRow["kind"], days: Record<string, string>): CalendarRow[] =>
    Object.entries(days)
      .filter(([date]) => wanted.has(date.slice(0, 4)))
      .map(([date, value]) => ({ date, kind, name: festival(value) }));
  return [...rows("holiday", parsed.holidays), ...rows("workday", parsed.workdays)].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

export function calendarFromChineseDays(years: Iterable<number>): HolidayCalendar {
  return calendarFromRows(chineseDaysRows(years));
}
