import { describe, expect, it } from "vitest";
import { calendarFromChineseDays } from "./chinese-days";
import { addWorkingDays, isWorkingDay, nextDay } from "./working-days";

// 2025 and 2026 from the package (checked in chinese-days.test.ts); 2027 deliberately absent.
const calendar = calendarFromChineseDays([2025, 2026]);
const add = (from: string | Date, n: number) => addWorkingDays(from, n, calendar);

describe("isWorkingDay", () => {
  it.each([
    ["2025-09-28", true, "Sunday worked (调休 for 国庆)"],
    ["2025-10-11", true, "Saturday worked (调休 for 国庆)"],
    ["2025-10-01", false, "国庆节"],
    ["2025-10-04", false, "Saturday within 国庆"],
    ["2025-10-06", false, "中秋, a Monday"],
    ["2025-10-08", false, "last day of 国庆"],
    ["2025-10-09", true, "first day back"],
    ["2025-10-12", false, "an ordinary Sunday"],
    ["2026-02-14", true, "Saturday worked (调休 for 春节)"],
    ["2026-02-16", false, "春节, a Monday"],
    ["2026-02-23", false, "last day of 春节, a Monday"],
    ["2026-02-28", true, "Saturday worked after 春节"],
    ["2027-01-01", true, "a Friday in a year without data"],
    ["2027-01-02", false, "a Saturday in a year without data"],
  ])("%s is %s: %s", (day, expected) => {
    expect(isWorkingDay(day, calendar)).toBe(expected);
  });

  it("refuses a malformed day", () => {
    expect(() => isWorkingDay("2025-02-29", calendar)).toThrow(RangeError);
  });
});

describe("addWorkingDays across 国庆 2025", () => {
  it.each([
    ["2025-09-26", 1, "2025-09-28"], // Friday → the 调休 Sunday
    ["2025-09-26", 2, "2025-09-29"],
    ["2025-09-30", 1, "2025-10-09"], // over the eight days off
    ["2025-09-30", 2, "2025-10-10"],
    ["2025-09-30", 3, "2025-10-11"], // the 调休 Saturday
    ["2025-09-30", 4, "2025-10-13"],
    ["2025-10-03", 1, "2025-10-09"], // from a holiday
    ["2025-10-10", 1, "2025-10-11"],
    ["2025-10-11", 1, "2025-10-13"],
  ])("%s + %i → %s", (from, n, expected) => {
    expect(add(from, n)).toEqual({ day: expected, yearsWithoutData: [] });
  });
});

describe("addWorkingDays across 春节", () => {
  it.each([
    ["2025-01-24", 1, "2025-01-26"], // Friday → the 调休 Sunday
    ["2025-01-27", 1, "2025-02-05"], // over 1-28 … 2-04
    ["2025-02-07", 1, "2025-02-08"], // the 调休 Saturday
    ["2026-02-13", 1, "2026-02-14"], // Friday → the 调休 Saturday
    ["2026-02-14", 1, "2026-02-24"], // over 2-15 … 2-23
    ["2026-02-27", 1, "2026-02-28"], // the 调休 Saturday after
    ["2026-02-27", 2, "2026-03-02"],
  ])("%s + %i → %s", (from, n, expected) => {
    expect(add(from, n)).toEqual({ day: expected, yearsWithoutData: [] });
  });
});

describe("addWorkingDays into a year without data", () => {
  it("counts Monday–Friday and reports the year", () => {
    expect(add("2026-12-30", 1)).toEqual({ day: "2026-12-31", yearsWithoutData: [] });
    // 2027-01-01 is a Friday: with no 2027 data it counts as a working day, flagged.
    expect(add("2026-12-31", 1)).toEqual({ day: "2027-01-01", yearsWithoutData: [2027] });
    expect(add("2027-01-01", 1)).toEqual({ day: "2027-01-04", yearsWithoutData: [2027] });
  });

  it("uses the year's data as soon as there is some", () => {
    const with2027 = new Map(calendar).set(2027, {
      holidays: new Set(["2027-01-01"]),
      workdays: new Set<string>(),
    });
    expect(addWorkingDays("2026-12-31", 1, with2027)).toEqual({
      day: "2027-01-04",
      yearsWithoutData: [],
    });
  });
});

describe("addWorkingDays edges", () => {
  it("n = 0 is the day itself when worked, else the next working day", () => {
    expect(add("2025-10-09", 0)).toEqual({ day: "2025-10-09", yearsWithoutData: [] });
    expect(add("2025-10-01", 0)).toEqual({ day: "2025-10-09", yearsWithoutData: [] });
    expect(add("2027-01-01", 0)).toEqual({ day: "2027-01-01", yearsWithoutData: [2027] });
  });

  it("takes an instant's day in Beijing time, not UTC", () => {
    // 2025-09-27 23:30 Beijing is a Saturday: next working day the 调休 Sunday.
    expect(add(new Date("2025-09-27T15:30:00Z"), 1).day).toBe("2025-09-28");
    // 2025-09-28 00:30 Beijing (still the 27th in UTC) is that Sunday itself.
    expect(add(new Date("2025-09-27T16:30:00Z"), 1).day).toBe("2025-09-29");
  });

  it.each([-1, 1.5, 367, Number.NaN])("refuses n = %s", (n) => {
    expect(() => add("2025-10-09", n)).toThrow(RangeError);
  });

  it("steps over month and year ends", () => {
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
});
