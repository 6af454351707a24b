import { describe, expect, it } from "vitest";
import {
  CLAIM_KINDS,
  CREDIT_KINDS,
  CREDIT_KIND_RULES,
  type CeClaimContext,
  categoryFor,
  creditsFor,
  PERSON_NO_OBLIGATION,
} from "./credit-kinds";
import { anyClaimSchema, claimCredits, claimSchema, courseEntrySchema } from "./credit-schemas";

const ctx: CeClaimContext = { today: "2026-11-27", obligationStartYear: 2021 };
const messages = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("credit kinds", () => {
  it("lists the national rule's ways credits arise", () => {
    expect(CREDIT_KINDS.codes).toEqual(["COURSE", "EXAM", "CONFERENCE", "DEGREE_COURSE", "PAPER"]);
  });

  it("needs the accountant's claim for everything but provider courses", () => {
    expect(CLAIM_KINDS).toEqual(["EXAM", "CONFERENCE", "DEGREE_COURSE", "PAPER"]);
    expect(CREDIT_KIND_RULES.COURSE.needsClaim).toBe(false);
  });

  it("counts equivalences as 专业科目 (documented default) and courses as entered", () => {
    for (const k of CLAIM_KINDS) {
      expect(categoryFor(k)).toBe("PROFESSIONAL");
      expect(CREDIT_KIND_RULES[k].categoryIsDefault).toBe(true);
    }
    expect(categoryFor("COURSE", "PUBLIC")).toBe("PUBLIC");
    expect(categoryFor("COURSE", "PROFESSIONAL")).toBe("PROFESSIONAL");
    expect(() => categoryFor("COURSE")).toThrow(RangeError);
  });

  it("computes the national equivalences", () => {
    expect(creditsFor("EXAM", {})).toBe(90);
    expect(creditsFor("DEGREE_COURSE", {})).toBe(90);
    expect(creditsFor("CONFERENCE", { days: 1 })).toBe(10);
    expect(creditsFor("CONFERENCE", { days: 3 })).toBe(30);
    expect(creditsFor("CONFERENCE", { days: 30 })).toBe(300);
    expect(creditsFor("PAPER", { authorship: "SOLE" })).toBe(30);
    expect(creditsFor("PAPER", { authorship: "FIRST" })).toBe(30);
    expect(creditsFor("PAPER", { authorship: "OTHER" })).toBe(10);
    expect(creditsFor("COURSE", { credits: 12.5 })).toBe(12.5);
  });

  it("refuses inputs outside the rules", () => {
    for (const days of [0, 31, 1.5]) {
      expect(() => creditsFor("CONFERENCE", { days })).toThrow(RangeError);
    }
    for (const credits of [0, -1, 90.1, 1.25, Number.NaN]) {
      expect(() => creditsFor("COURSE", { credits })).toThrow(RangeError);
    }
    expect(() => creditsFor("PAPER", { authorship: "SECOND" as "OTHER" })).toThrow(RangeError);
  });
});

describe("claim forms", () => {
  const paper = {
    kind: "PAPER",
    year: "2025",
    title: "管理会计在中小企业的应用",
    journal: "财会月刊",
    serialNumber: "cn 42-1290/f",
    authorship: "OTHER",
    attachmentId: "att-1",
  };

  it("parses a paper claim and computes its credits", () => {
    const parsed = claimSchema("PAPER", ctx).parse(paper);
    expect(parsed).toMatchObject({ year: 2025, serialNumber: "CN 42-1290/F" });
    expect(creditsFor("PAPER", parsed)).toBe(10);
    expect(claimCredits(anyClaimSchema(ctx).parse({ ...paper, authorship: "FIRST" }))).toBe(30);
  });

  it("accepts years from the obligation start to this year", () => {
    const s = claimSchema("EXAM", ctx);
    const exam = { kind: "EXAM", examName: "全国会计专业技术资格考试", subject: "中级会计实务" };
    const withYear = (year: unknown) => ({ ...exam, year, attachmentId: "a" });
    expect(s.safeParse(withYear(2021)).success).toBe(true);
    expect(s.safeParse(withYear("2026")).success).toBe(true);
    expect(messages(s.safeParse(withYear(2020))).year).toBe(
      "考试通过年度不能早于2021年（您开始参加继续教育的年度）",
    );
    expect(messages(s.safeParse(withYear(2027))).year).toBe("考试通过年度不能晚于今年（2026年）");
    expect(messages(s.safeParse(withYear("26"))).year).toBe("考试通过年度应为4位年份，如2024");
    expect(messages(s.safeParse(withYear(""))).year).toBe("请填写考试通过年度");
  });

  it("refuses every year when there is no obligation", () => {
    const s = claimSchema("DEGREE_COURSE", { ...ctx, obligationStartYear: null });
    const r = s.safeParse({
      kind: "DEGREE_COURSE",
      year: 2026,
      school: "广东财经大学",
      major: "会计学",
      courseName: "高级财务会计",
      attachmentId: "a",
    });
    expect(messages(r).year).toMatch(/无须申报继续教育学分/);
  });

  it("speaks of 该会计人员 to finance staff, of 您 to the accountant", () => {
    const staff = { ...ctx, reader: "staff" as const };
    const course = { courseName: "职业道德", provider: "某机构", category: "PUBLIC", credits: 30 };
    expect(messages(courseEntrySchema(staff).safeParse({ ...course, year: 2020 })).year).toBe(
      "学习年度不能早于2021年（该会计人员开始参加继续教育的年度）",
    );
    const none = courseEntrySchema({ ...staff, obligationStartYear: null });
    expect(messages(none.safeParse({ ...course, year: 2026 })).year).toBe(PERSON_NO_OBLIGATION);
  });

  it("takes 1 to 30 conference days", () => {
    const s = claimSchema("CONFERENCE", ctx);
    const conf = (days: unknown) => ({
      kind: "CONFERENCE",
      year: 2026,
      name: "广东省会计学会年会",
      organiser: "广东省会计学会",
      days,
      attachmentId: "a",
    });
    expect(s.parse(conf("2")).days).toBe(2);
    expect(s.parse(conf(30)).days).toBe(30);
    for (const bad of [0, 31, "1.5", "两天"]) {
      expect(messages(s.safeParse(conf(bad))).days).toBe("会议天数应为1至30之间的整数");
    }
    expect(messages(s.safeParse(conf(""))).days).toBe("请填写会议天数");
  });

  it("needs evidence, a CN serial number and the authorship, in Chinese", () => {
    const m = messages(
      claimSchema("PAPER", ctx).safeParse({
        ...paper,
        attachmentId: "",
        serialNumber: "ISSN 1234-5678",
        authorship: undefined,
      }),
    );
    expect(m).toEqual({
      attachmentId: "请上传证明材料",
      serialNumber: "国内统一刊号格式应如 CN 11-1234/F",
      authorship: "请选择作者排序",
    });
  });

  it("tells kinds apart in the combined schema", () => {
    const r = anyClaimSchema(ctx).safeParse({ ...paper, kind: "COURSE" });
    expect(r.success).toBe(false);
  });
});

describe("provider course entry", () => {
  const course = {
    year: 2026,
    courseName: "政府会计准则制度解读",
    provider: "某继续教育机构",
    category: "PROFESSIONAL",
    credits: "24",
  };

  it("takes positive credits up to 90 with one decimal place", () => {
    const s = courseEntrySchema(ctx);
    expect(s.parse(course).credits).toBe(24);
    expect(s.parse({ ...course, credits: 90 }).credits).toBe(90);
    expect(s.parse({ ...course, credits: "1.5" }).credits).toBe(1.5);
    for (const bad of [0, "90.1", "1.25", "abc"]) {
      expect(messages(s.safeParse({ ...course, credits: bad })).credits).toBe(
        "学分应为大于0且不超过90的数，最多一位小数",
      );
    }
    expect(messages(s.safeParse({ ...course, category: "X" })).category).toBe("请选择科目类别");
  });
});
