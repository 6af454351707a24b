import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { holidayDateSchema, holidayDaySchema } from "./holiday-day";

const errors = (input: unknown) => {
  const r = holidayDaySchema.safeParse(input);
  return r.success ? {} : fieldErrorsFromIssues(r.error.issues);
};

describe("节假日设置 form", () => {
  it("takes a 放假 day on any weekday and a 调休 Saturday or Sunday", () => {
    expect(errors({ date: "2027-01-01", kind: "holiday", name: "元旦" })).toEqual({});
    expect(errors({ date: "2027-02-06", kind: "holiday", name: "春节" })).toEqual({}); // a Saturday
    expect(errors({ date: "2027-02-20", kind: "workday", name: "春节" })).toEqual({}); // Saturday
    expect(errors({ date: "2027-02-21", kind: "workday", name: "春节" })).toEqual({}); // Sunday
  });

  it("refuses a 调休上班 day from Monday to Friday, at the kind", () => {
    expect(errors({ date: "2027-02-19", kind: "workday", name: "春节" })).toEqual({
      kind: "调休上班日应为周六或周日（周一至周五本就上班）",
    });
  });

  it("says at each field what is missing or wrong", () => {
    expect(errors({ date: "", kind: "", name: " " })).toEqual({
      date: "请选择日期",
      kind: "请选择放假或调休上班",
      name: "请填写节日名称，如：国庆节",
    });
    expect(errors({ date: "2027-02-30", kind: "holiday", name: "x" })).toEqual({
      date: "日期不存在",
    });
    expect(errors({ date: "2003-10-01", kind: "holiday", name: "国庆节" })).toEqual({
      date: "只能设置 2004—2099 年的日期",
    });
    expect(errors({ date: "2027-10-01", kind: "holiday", name: "国".repeat(21) })).toEqual({
      name: "节日名称不能超过20个字",
    });
  });

  it("trims what is typed", () => {
    expect(
      holidayDaySchema.parse({ date: " 2027-10-01 ", kind: "holiday", name: " 国庆节 " }),
    ).toEqual({ date: "2027-10-01", kind: "holiday", name: "国庆节" });
  });

  it("names a day to delete by its date only", () => {
    expect(holidayDateSchema.safeParse({ date: "2027-10-01" }).success).toBe(true);
    expect(holidayDateSchema.safeParse({ date: "10/01/2027" }).success).toBe(false);
  });
});
