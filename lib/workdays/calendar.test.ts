import { describe, expect, it } from "vitest";
import { calendarFromRows, missingCalendarMessage, yearsWithoutData } from "./calendar";

describe("calendarFromRows", () => {
  it("groups holidays and 调休 working days by year", () => {
    const calendar = calendarFromRows([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2027-02-06", kind: "workday" },
      { date: "2028-01-01", kind: "holiday" },
    ]);
    expect([...calendar.keys()]).toEqual([2027, 2028]);
    expect([...calendar.get(2027)!.holidays]).toEqual(["2027-01-01"]);
    expect([...calendar.get(2027)!.workdays]).toEqual(["2027-02-06"]);
    expect(calendar.get(2028)!.workdays.size).toBe(0);
  });

  it("refuses a day that is both off and worked", () => {
    expect(() =>
      calendarFromRows([
        { date: "2027-02-06", kind: "workday" },
        { date: "2027-02-06", kind: "holiday" },
      ]),
    ).toThrow("2027-02-06 不能既是放假日又是调休上班日");
  });

  it("refuses malformed and impossible dates", () => {
    expect(() => calendarFromRows([{ date: "2027-2-6", kind: "holiday" }])).toThrow(RangeError);
    expect(() => calendarFromRows([{ date: "2027-02-30", kind: "holiday" }])).toThrow(RangeError);
  });
});

describe("years without data", () => {
  const calendar = calendarFromRows([{ date: "2026-01-01", kind: "holiday" }]);

  it("lists each missing year once, ascending", () => {
    expect(yearsWithoutData(calendar, [2028, 2026, 2027, 2028])).toEqual([2027, 2028]);
    expect(yearsWithoutData(calendar, [2026])).toEqual([]);
  });

  it("words the warning for the console and /api/ready", () => {
    expect(missingCalendarMessage([])).toBeNull();
    expect(missingCalendarMessage([2027])).toBe(
      "2027 年的放假和调休安排尚未录入，工作日暂按周一至周五计算",
    );
    expect(missingCalendarMessage([2027, 2028])).toMatch(/^2027、2028 年/);
  });
});
