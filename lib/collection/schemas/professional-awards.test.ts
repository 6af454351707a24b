import { describe, expect, it } from "vitest";
import { awardsSchema } from "./awards";
import { professionalSchema, talentEntrySchema } from "./professional";
import { TEST_CONTEXT, issuesByPath } from "../test-support";

const ctx = TEST_CONTEXT;

const certification = {
  isCpa: true,
  isTaxAdvisor: false,
  isAssetAppraiser: false,
  abacusLevel: "NONE",
};
const qualification = {
  type: "ACCOUNTING",
  level: "INTERMEDIATE",
  method: "EXAM",
  year: "2015",
  certificateNo: " Z12345 ",
};

describe("专业技术信息", () => {
  const schema = professionalSchema(ctx);

  it("accepts certifications alone: qualifications and talents are optional", () => {
    expect(schema.parse(certification)).toEqual({
      ...certification,
      qualifications: [],
      talents: [],
    });
  });

  it("needs an answer for each certification", () => {
    expect(issuesByPath(schema.safeParse({}))).toEqual({
      isCpa: "请选择是否是注册会计师",
      isTaxAdvisor: "请选择是否是税务师",
      isAssetAppraiser: "请选择是否是资产评估师",
      abacusLevel: "请选择珠算等级",
    });
  });

  it("parses qualification entries and applies the year rules at the entry's path", () => {
    const r = schema.safeParse({
      ...certification,
      qualifications: [
        qualification,
        { ...qualification, year: 2027 },
        { ...qualification, year: "2005" },
        { ...qualification, year: "15" },
      ],
    });
    expect(issuesByPath(r)).toEqual({
      "qualifications.1.year": "取得年份不能晚于今年（2026年）",
      "qualifications.2.year": "取得年份不能早于2006年（出生年份加16年）",
      "qualifications.3.year": "取得年份应为4位年份，如2020",
    });
    const ok = schema.parse({ ...certification, qualifications: [qualification] });
    expect(ok.qualifications[0]).toEqual({ ...qualification, year: 2015, certificateNo: "Z12345" });
  });

  it("explains a missing qualification field", () => {
    const r = schema.safeParse({ ...certification, qualifications: [{}] });
    expect(issuesByPath(r)).toEqual({
      "qualifications.0.type": "请选择专业技术资格类型",
      "qualifications.0.level": "请选择专业技术资格级别",
      "qualifications.0.method": "请选择专业技术资格取得方式",
      "qualifications.0.year": "请填写取得年份",
      "qualifications.0.certificateNo": "请填写证书编号",
    });
  });
});

describe("高端会计人才", () => {
  const talent = talentEntrySchema(ctx);
  const base = { type: "HIGH_END", selectedYear: 2018 };

  it("requires 毕业年度 when 已毕业, not before 入选年度", () => {
    expect(issuesByPath(talent.safeParse({ ...base, status: "GRADUATED" }))).toEqual({
      graduatedYear: "请填写毕业年度",
    });
    expect(
      issuesByPath(talent.safeParse({ ...base, status: "GRADUATED", graduatedYear: 2017 })),
    ).toEqual({
      graduatedYear: "毕业年度不能早于入选年度",
    });
    expect(
      issuesByPath(talent.safeParse({ ...base, status: "GRADUATED", graduatedYear: 2027 })),
    ).toEqual({
      graduatedYear: "毕业年度不能晚于今年（2026年）",
    });
    expect(talent.parse({ ...base, status: "GRADUATED", graduatedYear: "2018" })).toEqual({
      ...base,
      status: "GRADUATED",
      graduatedYear: 2018,
    });
  });

  it("drops 毕业年度 for other statuses", () => {
    expect(talent.parse({ ...base, status: "IN_TRAINING", graduatedYear: 1900 })).toEqual({
      ...base,
      status: "IN_TRAINING",
    });
  });

  it("applies the year rules to 入选年度", () => {
    expect(
      issuesByPath(talent.safeParse({ ...base, selectedYear: 2004, status: "REMOVED" })),
    ).toEqual({
      selectedYear: "入选年度不能早于2006年（出生年份加16年）",
    });
  });
});

describe("奖励信息", () => {
  const schema = awardsSchema(ctx);

  it("may stay empty", () => {
    expect(schema.parse({})).toEqual({ awards: [] });
  });

  it("validates each entry", () => {
    const r = schema.safeParse({
      awards: [
        { name: "先进会计工作者", level: "MUNICIPAL", year: 2020 },
        { name: "", level: "CITY", year: 2030 },
      ],
    });
    expect(issuesByPath(r)).toEqual({
      "awards.1.name": "请填写奖励名称",
      "awards.1.level": "请选择奖励级别",
      "awards.1.year": "获奖年份不能晚于今年（2026年）",
    });
  });
});
