import { describe, expect, it } from "vitest";
import { NATIONALITIES } from "@/lib/codes/nationality";
import { noticeSchema } from "./notice";
import { personalSchema } from "./personal";
import { TEST_CONTEXT, issuesByPath } from "../test-support";

const ctx = TEST_CONTEXT;

describe("阅读须知", () => {
  it("requires the 承诺 checkbox to be ticked", () => {
    expect(noticeSchema.safeParse({ truthPledge: true }).success).toBe(true);
    for (const value of [false, undefined, "true"]) {
      expect(issuesByPath(noticeSchema.safeParse({ truthPledge: value }))).toEqual({
        truthPledge: "请勾选“承诺填写信息的真实性”",
      });
    }
  });
});

const idCardPersonal = {
  ethnicGroup: "01",
  politicalStatus: "13",
  email: " li.ming@example.com ",
  headshotId: "f-head",
  documentPageIds: { PORTRAIT: "f-front", EMBLEM: "f-back" },
};

describe("个人信息", () => {
  it("accepts a 居民身份证 holder without 性别/出生日期 and drops them if sent", () => {
    const r = personalSchema(ctx).safeParse({ ...idCardPersonal, gender: "2", birthDate: "x" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      ethnicGroup: "01",
      politicalStatus: "13",
      email: "li.ming@example.com",
      headshotId: "f-head",
      documentPageIds: { PORTRAIT: "f-front", EMBLEM: "f-back" },
      nationality: "CHN",
    });
  });

  it("asks 国籍/地区 only when the document does not settle it, and keeps what it settles", () => {
    const passport = {
      ...ctx,
      documentType: "PASSPORT" as const,
      nationality: undefined,
      nationalityCodes: NATIONALITIES.codes,
    };
    const base = {
      ...idCardPersonal,
      gender: "1",
      birthDate: "1985-02-28",
      documentPageIds: { DATA_PAGE: "p1", VALIDITY_PAGE: "p2" },
    };
    expect(issuesByPath(personalSchema(passport).safeParse(base))).toEqual({
      nationality: "请选择国籍/地区",
    });
    expect(personalSchema(passport).parse({ ...base, nationality: "SGP" }).nationality).toBe("SGP");
    expect(
      issuesByPath(personalSchema(passport).safeParse({ ...base, nationality: "XXX" })),
    ).toEqual({
      nationality: "请选择国籍/地区",
    });
    // A forged value cannot override what the document settles.
    expect(personalSchema(ctx).parse({ ...idCardPersonal, nationality: "USA" }).nationality).toBe(
      "CHN",
    );
  });

  it("accepts 97 其他 and 98 外国血统中国籍人士", () => {
    for (const ethnicGroup of ["97", "98"]) {
      expect(personalSchema(ctx).safeParse({ ...idCardPersonal, ethnicGroup }).success).toBe(true);
    }
  });

  it("reports every missing field in Chinese at its path", () => {
    expect(issuesByPath(personalSchema(ctx).safeParse({}))).toEqual({
      ethnicGroup: "请选择民族",
      politicalStatus: "请选择政治面貌",
      email: "请填写电子邮箱",
      headshotId: "请上传本人免冠证件照",
      "documentPageIds.PORTRAIT": "请上传身份证人像面",
      "documentPageIds.EMBLEM": "请上传身份证国徽面",
    });
  });

  it("refuses a malformed e-mail address", () => {
    const r = personalSchema(ctx).safeParse({ ...idCardPersonal, email: "li.ming@" });
    expect(issuesByPath(r).email).toMatch(/^电子邮箱格式不正确/);
  });

  it("asks a passport holder for the passport pages, 性别 and 出生日期", () => {
    const passport = { ...ctx, documentType: "PASSPORT" as const, birthDate: undefined };
    const base = { ...idCardPersonal, documentPageIds: { DATA_PAGE: "p1", VALIDITY_PAGE: "p2" } };
    expect(issuesByPath(personalSchema(passport).safeParse(base))).toEqual({
      gender: "请选择性别",
      birthDate: "请填写出生日期",
    });
    expect(issuesByPath(personalSchema(passport).safeParse(idCardPersonal))).toMatchObject({
      "documentPageIds.DATA_PAGE": "请上传护照个人资料页（照片页）",
    });
    const ok = personalSchema(passport).safeParse({
      ...base,
      gender: "1",
      birthDate: "1985-02-28",
    });
    expect(ok.data).toMatchObject({ gender: "1", birthDate: "1985-02-28" });
  });

  it("refuses impossible, future and too early birth dates", () => {
    const passport = { ...ctx, documentType: "PASSPORT" as const, birthDate: undefined };
    const base = {
      ...idCardPersonal,
      gender: "2",
      documentPageIds: { DATA_PAGE: "p1", VALIDITY_PAGE: "p2" },
    };
    const at = (birthDate: string) =>
      issuesByPath(personalSchema(passport).safeParse({ ...base, birthDate })).birthDate;
    expect(at("1985-02-30")).toBe("出生日期无效，请按YYYY-MM-DD填写");
    expect(at("19850228")).toBe("出生日期无效，请按YYYY-MM-DD填写");
    expect(at("2026-11-28")).toBe("出生日期不能晚于今天");
    expect(at("1879-12-31")).toBe("出生日期不能早于1880年");
    expect(at("2026-11-27")).toBeUndefined();
  });

  it("asks the 2017 永居证 holder but not the 2023 one", () => {
    const pages = { FRONT: "a", BACK: "b" };
    const old = { ...ctx, documentType: "FOREIGN_PR" as const, birthDate: undefined };
    expect(
      issuesByPath(personalSchema(old).safeParse({ ...idCardPersonal, documentPageIds: pages }))
        .gender,
    ).toBe("请选择性别");
    const card2023 = { ...old, birthDate: "1980-01-01", documentEncodesBirthDate: true };
    expect(
      personalSchema(card2023).safeParse({ ...idCardPersonal, documentPageIds: pages }).success,
    ).toBe(true);
  });

  it("keeps a 学生证 id when given", () => {
    const r = personalSchema(ctx).safeParse({ ...idCardPersonal, studentCardId: "f-card" });
    expect(r.data?.studentCardId).toBe("f-card");
  });
});
