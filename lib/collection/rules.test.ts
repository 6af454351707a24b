import { describe, expect, it } from "vitest";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import {
  asksGenderAndBirthDate,
  earliestCareerYear,
  regionProblem,
  regionRuleText,
  studentCardProblem,
  yearProblem,
} from "./rules";
import { TEST_CONTEXT } from "./test-support";

const ctx = TEST_CONTEXT;

describe("year rules", () => {
  it("accepts this year and birth year + 16", () => {
    expect(yearProblem(2026, "取得年份", ctx)).toBeNull();
    expect(yearProblem(2006, "取得年份", ctx)).toBeNull();
  });

  it("refuses next year", () => {
    expect(yearProblem(2027, "取得年份", ctx)).toBe("取得年份不能晚于今年（2026年）");
  });

  it("refuses a year before birth year + 16", () => {
    expect(yearProblem(2005, "入选年度", ctx)).toBe("入选年度不能早于2006年（出生年份加16年）");
  });

  it("without a birth date only refuses the future and years before 1900", () => {
    const noBirth = { ...ctx, birthDate: undefined };
    expect(earliestCareerYear(noBirth)).toBe(1900);
    expect(yearProblem(1950, "获奖年份", noBirth)).toBeNull();
    expect(yearProblem(1899, "获奖年份", noBirth)).toBe("获奖年份不能早于1900年");
  });

  it("takes 'this year' from Beijing's today, passed in", () => {
    expect(yearProblem(2027, "获奖年份", { ...ctx, today: "2027-01-01" })).toBeNull();
  });
});

describe("region rule per 在岗状态", () => {
  it("shows the manual's sentence for each status", () => {
    expect(regionRuleText("ACCOUNTING_POST")).toBe("请选择单位所在行政区划");
    expect(regionRuleText("NON_ACCOUNTING_POST")).toBe("请选择单位所在行政区划");
    expect(regionRuleText("UNEMPLOYED")).toBe("请选择户口所在地或者居住证所在行政区划");
    expect(regionRuleText("STUDENT")).toBe("请选择学校所在行政区划");
    for (const s of EMPLOYMENT_STATUSES.codes) expect(regionRuleText(s)).toMatch(/^请选择/);
  });

  it("asks with the status's sentence when nothing is chosen", () => {
    expect(regionProblem("STUDENT", "", ctx)).toBe("请选择学校所在行政区划");
    expect(regionProblem("UNEMPLOYED", "", ctx)).toBe("请选择户口所在地或者居住证所在行政区划");
    expect(regionProblem(undefined, "", ctx)).toBe("请选择所属行政区划");
  });

  it("accepts a county of the jurisdiction and a city without counties", () => {
    expect(regionProblem("ACCOUNTING_POST", "440106", ctx)).toBeNull(); // 广州市天河区
    expect(regionProblem("UNEMPLOYED", "441900", ctx)).toBeNull(); // 东莞市
    expect(regionProblem("STUDENT", "442000", ctx)).toBeNull(); // 中山市
  });

  it("refuses a city that has counties, Shenzhen, other provinces and unknown codes", () => {
    expect(regionProblem("ACCOUNTING_POST", "440100", ctx)).toBe("请选择到区县一级");
    expect(regionProblem("ACCOUNTING_POST", "440000", ctx)).toBe("请选择到区县一级");
    expect(regionProblem("ACCOUNTING_POST", "440303", ctx)).toBe(
      "所属行政区划应在广东省内（除深圳）",
    );
    expect(regionProblem("STUDENT", "110101", ctx)).toBe("所属行政区划应在广东省内（除深圳）");
    expect(regionProblem("STUDENT", "999999", ctx)).not.toBeNull();
  });
});

describe("学生证 rule", () => {
  it("requires a 学生证 from 在校生 only", () => {
    expect(studentCardProblem("STUDENT", undefined)).toBe("在校生须上传学生证");
    expect(studentCardProblem("STUDENT", "  ")).toBe("在校生须上传学生证");
    expect(studentCardProblem("STUDENT", "file-1")).toBeNull();
    expect(studentCardProblem("ACCOUNTING_POST", undefined)).toBeNull();
    expect(studentCardProblem("UNEMPLOYED", undefined)).toBeNull();
    expect(studentCardProblem(undefined, undefined)).toBeNull();
  });
});

describe("性别/出生日期 asked only when the document does not carry them", () => {
  it("follows the document type, or what the number showed", () => {
    expect(asksGenderAndBirthDate({ ...ctx, documentType: "RESIDENT_ID" })).toBe(false);
    expect(asksGenderAndBirthDate({ ...ctx, documentType: "HMT_RESIDENCE" })).toBe(false);
    expect(asksGenderAndBirthDate({ ...ctx, documentType: "PASSPORT" })).toBe(true);
    expect(asksGenderAndBirthDate({ ...ctx, documentType: "HKMO_PERMIT" })).toBe(true);
    expect(asksGenderAndBirthDate({ ...ctx, documentType: "FOREIGN_PR" })).toBe(true);
    expect(
      asksGenderAndBirthDate({
        ...ctx,
        documentType: "FOREIGN_PR",
        documentEncodesBirthDate: true,
      }),
    ).toBe(false);
  });
});
