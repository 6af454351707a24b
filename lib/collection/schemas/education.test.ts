import { describe, expect, it } from "vitest";
import { educationEntrySchema, educationSchema } from "./education";
import { TEST_CONTEXT, issuesByPath } from "../test-support";

const ctx = TEST_CONTEXT;

const bachelor = {
  level: "21",
  degree: "BACHELOR",
  school: " 中山大学 ",
  major: "会计学",
  enrolledOn: "2008-09",
  graduatedOn: "2012-07",
};

describe("education entry", () => {
  const entry = educationEntrySchema(ctx);

  it("accepts a finished entry and trims text", () => {
    expect(entry.parse(bachelor)).toEqual({ ...bachelor, school: "中山大学", inStudy: false });
  });

  it("requires 毕业时间 after 入学时间", () => {
    expect(issuesByPath(entry.safeParse({ ...bachelor, graduatedOn: "2008-09" }))).toEqual({
      graduatedOn: "毕业时间应晚于入学时间",
    });
    expect(issuesByPath(entry.safeParse({ ...bachelor, graduatedOn: "2007-07" }))).toEqual({
      graduatedOn: "毕业时间应晚于入学时间",
    });
  });

  it("refuses a future 毕业时间 unless the entry is 在读", () => {
    const future = { ...bachelor, enrolledOn: "2024-09", graduatedOn: "2027-07" };
    expect(issuesByPath(entry.safeParse(future))).toEqual({
      graduatedOn: "毕业时间不能晚于本月；仍在读请勾选“在读”",
    });
    expect(entry.safeParse({ ...future, inStudy: true }).success).toBe(true);
    expect(entry.safeParse({ ...future, graduatedOn: "2026-11" }).success).toBe(true);
    expect(entry.safeParse({ ...future, graduatedOn: "2026-12" }).success).toBe(false);
  });

  it("takes a bare level (大学本科教育) only for an entry still 在读", () => {
    const inProgress = { ...bachelor, level: "20", enrolledOn: "2024-09", graduatedOn: "2028-07" };
    expect(entry.safeParse({ ...inProgress, inStudy: true }).success).toBe(true);
    expect(issuesByPath(entry.safeParse({ ...bachelor, level: "20" }))).toEqual({
      level: "请选择具体学历（毕业、结业或肄业）；仍在读请勾选“在读”",
    });
    expect(entry.safeParse({ ...bachelor, level: "90" }).success).toBe(true);
  });

  it("refuses a future 入学时间 even when 在读", () => {
    const r = entry.safeParse({
      ...bachelor,
      enrolledOn: "2026-12",
      graduatedOn: "2030-07",
      inStudy: true,
    });
    expect(issuesByPath(r)).toEqual({ enrolledOn: "入学时间不能晚于本月" });
  });

  it("refuses an enrolment before birth", () => {
    const r = entry.safeParse({ ...bachelor, enrolledOn: "1990-04", graduatedOn: "1994-07" });
    expect(issuesByPath(r)).toEqual({ enrolledOn: "入学时间不能早于出生日期" });
  });

  it("explains malformed months and missing fields", () => {
    expect(
      issuesByPath(entry.safeParse({ ...bachelor, enrolledOn: "2008/09", graduatedOn: "2012-13" })),
    ).toEqual({
      enrolledOn: "入学时间格式应为YYYY-MM，如2020-09",
      graduatedOn: "毕业时间格式应为YYYY-MM，如2020-09",
    });
    expect(issuesByPath(entry.safeParse({}))).toEqual({
      level: "请选择学历",
      degree: "请选择学位",
      school: "请填写毕业院校",
      major: "请填写所学专业",
      enrolledOn: "请选择入学时间",
      graduatedOn: "请选择毕业时间",
    });
  });
});

describe("学历信息 step", () => {
  const schema = educationSchema(ctx);

  it("needs at least one 全日制 entry; 非全日制 may stay empty", () => {
    expect(schema.parse({ fullTime: [bachelor] }).partTime).toEqual([]);
    expect(issuesByPath(schema.safeParse({ fullTime: [] }))).toEqual({
      fullTime: "请至少填写一条全日制教育信息",
    });
    expect(issuesByPath(schema.safeParse({}))).toEqual({
      fullTime: "请至少填写一条全日制教育信息",
    });
  });

  it("puts an entry's message at its path in the list", () => {
    const r = schema.safeParse({
      fullTime: [bachelor, { ...bachelor, level: "14", degree: "MASTER", graduatedOn: "2008-01" }],
      partTime: [{ ...bachelor, school: "" }],
    });
    expect(issuesByPath(r)).toEqual({
      "fullTime.1.graduatedOn": "毕业时间应晚于入学时间",
      "partTime.0.school": "请填写毕业院校",
    });
  });
});
