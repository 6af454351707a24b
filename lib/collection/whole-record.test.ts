import { describe, expect, it } from "vitest";
import { type CollectionDraft, stepSchema, validateWholeRecord } from "./whole-record";
import { SAMPLE_PERSONAL, sampleDraft, TEST_CONTEXT } from "./test-support";

const ctx = TEST_CONTEXT;

// The sample drafts: one 全日制 entry enrolled 2008-09, 会计工作岗位 since 2012.
const personal = SAMPLE_PERSONAL;
const draft: CollectionDraft = sampleDraft();

describe("validateWholeRecord", () => {
  it("returns the parsed record when every step is valid", () => {
    const r = validateWholeRecord(draft, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record.work.accountingSinceYear).toBe(2012);
      expect(r.record.education.partTime).toEqual([]);
    }
  });

  it("reports missing steps", () => {
    expect(validateWholeRecord({ ...draft, awards: undefined, notice: null }, ctx)).toEqual({
      ok: false,
      errors: {
        notice: [{ path: [], message: "请填写阅读须知" }],
        awards: [{ path: [], message: "请填写奖励信息" }],
      },
    });
  });

  it("reports errors per step at their field paths", () => {
    const r = validateWholeRecord(
      {
        ...draft,
        notice: { truthPledge: false },
        work: { ...(draft.work as object), regionCode: "440300" },
      },
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        notice: [{ path: ["truthPledge"], message: "请勾选“承诺填写信息的真实性”" }],
        work: [{ path: ["regionCode"], message: "所属行政区划应在广东省内（除深圳）" }],
      },
    });
  });

  it("requires a 学生证 from a 在校生, on the 个人信息 step", () => {
    const student = {
      ...draft,
      work: { status: "STUDENT", regionCode: "440106", schoolName: "暨南大学" },
    };
    expect(validateWholeRecord(student, ctx)).toEqual({
      ok: false,
      errors: { personal: [{ path: ["studentCardId"], message: "在校生须上传学生证" }] },
    });
    const withCard = { ...student, personal: { ...personal, studentCardId: "card" } };
    expect(validateWholeRecord(withCard, ctx).ok).toBe(true);
  });

  it("reports the missing 学生证 alongside other 个人信息 problems", () => {
    const student = {
      ...draft,
      personal: { ...personal, email: "" },
      work: { status: "STUDENT", regionCode: "440106", schoolName: "暨南大学" },
    };
    const r = validateWholeRecord(student, ctx);
    expect(r.ok ? [] : r.errors.personal?.map((i) => i.path.join("."))).toEqual([
      "email",
      "studentCardId",
    ]);
  });

  it("applies the year rules with the birth date entered at 个人信息 when the document has none", () => {
    const passport = { ...ctx, documentType: "PASSPORT" as const, birthDate: undefined };
    const passportPersonal = {
      ...personal,
      gender: "1",
      birthDate: "2009-03-01",
      documentPageIds: { DATA_PAGE: "d", VALIDITY_PAGE: "v" },
    };
    const r = validateWholeRecord({ ...draft, personal: passportPersonal }, passport);
    expect(r).toEqual({
      ok: false,
      errors: {
        education: [{ path: ["fullTime", 0, "enrolledOn"], message: "入学时间不能早于出生日期" }],
        work: [
          {
            path: ["accountingSinceYear"],
            message: "从事会计工作年份不能早于2025年（出生年份加16年）",
          },
        ],
      },
    });
  });
});

describe("stepSchema", () => {
  it("gives each data step its schema", () => {
    expect(stepSchema("notice", ctx).safeParse({ truthPledge: true }).success).toBe(true);
    expect(stepSchema("awards", ctx).safeParse({}).success).toBe(true);
    expect(stepSchema("education", ctx).safeParse({}).success).toBe(false);
  });
});
