import { isWorkday } from "chinese-days";
import { describe, expect, it } from "vitest";
import { calendarFromChineseDays, chineseDaysRows, chineseDaysYears } from "./chinese-days";
import { isWorkingDay } from "./working-days";

const rowsOf = (year: number, kind: "holiday" | "workday") =>
  chineseDaysRows([year])
    .filter((r) => r.kind === kind)
    .map((r) => r.date);

describe("calendar seeded from chinese-days", () => {
  it("covers 2004 up to the package's last published year", () => {
    const years = chineseDaysYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(years).toEqual(years.map((_, i) => 2004 + i)); // no gaps
  });

  // Expectations checked by hand against the State Council notices (国办发明电〔2024〕12号 for
  // 2025; the 2026 notice of November 2025): the package must carry exactly these.
  it("has 2025's 国庆/中秋 holidays and its two 调休 working days", () => {
    const holidays = rowsOf(2025, "holiday");
    for (let d = 1; d <= 8; d++) expect(holidays).toContain(`2025-10-0${d}`);
    expect(holidays).not.toContain("2025-10-09");
    expect(rowsOf(2025, "workday")).toEqual([
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11",
    ]);
  });

  it("has 2026's 春节 (2-15 to 2-23) and 国庆 (10-01 to 10-07) with their 调休 days", () => {
    const holidays = rowsOf(2026, "holiday");
    for (const day of ["2026-02-15", "2026-02-23", "2026-10-01", "2026-10-07"])
      expect(holidays).toContain(day);
    expect(holidays).not.toContain("2026-02-24");
    expect(holidays).not.toContain("2026-10-08");
    expect(rowsOf(2026, "workday")).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
  });

  it("names each row's festival", () => {
    const rows = chineseDaysRows([2025]);
    expect(rows.find((r) => r.date === "2025-10-01")).toEqual({
      date: "2025-10-01",
      kind: "holiday",
      name: "国庆节",
    });
    expect(rows.find((r) => r.date === "2025-10-06")?.name).toBe("中秋");
    expect(rows.find((r) => r.date === "2025-09-28")?.name).toBe("国庆节");
  });

  it("yields nothing for a year the package lacks", () => {
    const after = chineseDaysYears().at(-1)! + 1;
    expect(chineseDaysRows([after])).toEqual([]);
    expect(calendarFromChineseDays([after]).has(after)).toBe(false);
    expect([...calendarFromChineseDays([2025, after]).keys()]).toEqual([2025]);
  });

  it("agrees with the package's own isWorkday on every day it covers", () => {
    const years = chineseDaysYears();
    const calendar = calendarFromChineseDays(years);
    const disagreements: string[] = [];
    // Local-time Dates: the package formats and takes the weekday in local time.
    for (
      let d = new Date(years[0]!, 0, 1);
      d.getFullYear() <= years.at(-1)!;
      d.setDate(d.getDate() + 1)
    ) {
      const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      if (isWorkingDay(day, calendar) !== isWorkday(new Date(d))) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });
});
