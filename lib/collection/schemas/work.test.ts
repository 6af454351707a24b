import { describe, expect, it } from "vitest";
import { workSchema } from "./work";
import { issuesByPath, SAMPLE_WORK, TEST_CONTEXT } from "../test-support";

const ctx = TEST_CONTEXT;

const schema = workSchema(ctx);
const unit = { employerName: " 华为技术有限公司 ", employerCreditCode: "914403001922038216" };

describe("工作信息", () => {
  it("会计工作岗位 needs the unit, its credit code, the post kind and the start year", () => {
    const r = schema.safeParse({
      status: "ACCOUNTING_POST",
      regionCode: "440106",
      ...unit,
      postKind: "CASHIER",
      accountingSinceYear: "2012",
      schoolName: "stale",
    });
    // 出纳 at 华为技术有限公司 in 440106 since 2012 (a number), trimmed, 学校名称 dropped.
    expect(r.data).toEqual(SAMPLE_WORK);
    expect(
      issuesByPath(schema.safeParse({ status: "ACCOUNTING_POST", regionCode: "440106" })),
    ).toEqual({
      employerName: "请填写工作单位名称",
      employerCreditCode: "请输入统一社会信用代码",
      postKind: "请选择会计工作岗位类别",
      accountingSinceYear: "请填写从事会计工作年份",
    });
  });

  it("applies the year rules to the year accounting work began", () => {
    const base = {
      status: "ACCOUNTING_POST",
      regionCode: "441900",
      ...unit,
      postKind: "CHIEF_ACCOUNTANT",
    };
    expect(issuesByPath(schema.safeParse({ ...base, accountingSinceYear: 2027 }))).toEqual({
      accountingSinceYear: "从事会计工作年份不能晚于今年（2026年）",
    });
    expect(issuesByPath(schema.safeParse({ ...base, accountingSinceYear: 2005 }))).toEqual({
      accountingSinceYear: "从事会计工作年份不能早于2006年（出生年份加16年）",
    });
  });

  it("非会计工作岗位 needs the unit only; a wrong credit code is refused", () => {
    const r = schema.safeParse({
      status: "NON_ACCOUNTING_POST",
      regionCode: "440106",
      ...unit,
      postKind: "CASHIER",
      accountingSinceYear: "abc",
    });
    expect(r.data).toEqual({
      status: "NON_ACCOUNTING_POST",
      regionCode: "440106",
      employerName: "华为技术有限公司",
      employerCreditCode: "914403001922038216",
    });
    const wrong = schema.safeParse({
      ...unit,
      status: "NON_ACCOUNTING_POST",
      regionCode: "440106",
      employerCreditCode: "914403001922038217",
    });
    expect(issuesByPath(wrong)).toEqual({
      employerCreditCode: "统一社会信用代码校验位错误，请核对后重新输入",
    });
  });

  it("待业 needs only the region, with the hukou/residence-permit sentence", () => {
    expect(schema.parse({ status: "UNEMPLOYED", regionCode: "442000", ...unit })).toEqual({
      status: "UNEMPLOYED",
      regionCode: "442000",
    });
    expect(issuesByPath(schema.safeParse({ status: "UNEMPLOYED", regionCode: "" }))).toEqual({
      regionCode: "请选择户口所在地或者居住证所在行政区划",
    });
  });

  it("在校生 needs 学校名称 and the school's region", () => {
    expect(issuesByPath(schema.safeParse({ status: "STUDENT", regionCode: "" }))).toEqual({
      regionCode: "请选择学校所在行政区划",
      schoolName: "请填写学校名称",
    });
    expect(
      schema.parse({ status: "STUDENT", regionCode: "440106", schoolName: "暨南大学" }),
    ).toEqual({
      status: "STUDENT",
      regionCode: "440106",
      schoolName: "暨南大学",
    });
  });

  it("needs a leaf region of the jurisdiction", () => {
    const at = (regionCode: string) =>
      issuesByPath(schema.safeParse({ status: "UNEMPLOYED", regionCode })).regionCode;
    expect(at("440100")).toBe("请选择到区县一级");
    expect(at("440305")).toBe("所属行政区划应在广东省内（除深圳）");
    expect(at("110101")).toBe("所属行政区划应在广东省内（除深圳）");
  });

  it("reports a missing region together with the other fields", () => {
    expect(
      issuesByPath(
        schema.safeParse({ status: "ACCOUNTING_POST", ...unit, employerCreditCode: "x" }),
      ),
    ).toMatchObject({
      regionCode: "请选择单位所在行政区划",
      employerCreditCode: expect.any(String),
      postKind: "请选择会计工作岗位类别",
    });
  });

  it("asks for 在岗状态 first", () => {
    expect(issuesByPath(schema.safeParse({ regionCode: "440106" }))).toEqual({
      status: "请选择在岗状态",
    });
  });
});
