import { describe, expect, it } from "vitest";
import { NATIONALITIES } from "@/lib/codes/nationality";
import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import { STUDENT_CARD_REQUIRED } from "@/lib/collection/rules";
import { educationSchema } from "@/lib/collection/schemas/education";
import { personalSchema } from "@/lib/collection/schemas/personal";
import {
  SAMPLE_ATTACHMENT_IDS,
  SAMPLE_EDUCATION_ENTRY,
  SAMPLE_PROFESSIONAL,
  SAMPLE_QUALIFICATION,
  sampleSnapshot,
  TEST_CONTEXT,
} from "@/lib/collection/test-support";
import { immutableMessage } from "./immutable";
import {
  applyItemEdit,
  CHANGE_ITEMS,
  ENTRY_GONE,
  entryPath,
  itemRefLabel,
  itemRefProblem,
  itemValues,
  parseItemRef,
  validateItemEdit,
} from "./items";

const ctx = TEST_CONTEXT;
const { PORTRAIT, EMBLEM } = SAMPLE_ATTACHMENT_IDS;

const sysu = SAMPLE_EDUCATION_ENTRY; // 中山大学, 2008-09 to 2012-07
const jnu = {
  ...sysu,
  level: "14",
  degree: "MASTER",
  school: "暨南大学",
  enrolledOn: "2012-09",
  graduatedOn: "2015-07",
};

// Version 1 as submitCollection stores it: every step as its schema outputs it, with one
// 全日制 entry (sysu), no 非全日制, and one 专业技术资格.
const v1: CollectionSnapshot = sampleSnapshot({
  professional: { ...SAMPLE_PROFESSIONAL, qualifications: [SAMPLE_QUALIFICATION] },
});

describe("CHANGE_ITEMS", () => {
  it("are the manual's five items, each a collection step", () => {
    expect(CHANGE_ITEMS.map((i) => [i.label, i.step])).toEqual([
      ["个人信息", "personal"],
      ["学历信息", "education"],
      ["工作信息", "work"],
      ["专业技术信息", "professional"],
      ["奖励信息", "awards"],
    ]);
  });
});

describe("parseItemRef / itemRefLabel", () => {
  it("reads a step, a list entry or a new entry, and names it", () => {
    expect(parseItemRef({ step: "work" })).toEqual({ step: "work" });
    const second = parseItemRef({ step: "education", list: "fullTime", index: "1" });
    expect(second).toEqual({ step: "education", list: "fullTime", index: 1 });
    expect(itemRefLabel(second!)).toBe("学历信息 › 全日制教育 › 第2条");
    expect(itemRefLabel({ step: "education", list: "partTime" })).toBe(
      "学历信息 › 非全日制教育 › 新增",
    );
    expect(itemRefLabel({ step: "awards", list: "awards", index: 0 })).toBe("奖励信息 › 第1条");
  });

  it("refuses what is not changeable", () => {
    expect(parseItemRef({ step: "notice" })).toBeNull();
    expect(parseItemRef({ step: "person" })).toBeNull();
    expect(parseItemRef({ step: "education", list: "awards" })).toBeNull();
    expect(parseItemRef({ step: "education", list: "fullTime", index: -1 })).toBeNull();
    expect(parseItemRef({ step: "work", index: 0 })).toBeNull();
    expect(parseItemRef("education")).toBeNull();
  });
});

describe("applyItemEdit", () => {
  it("replaces one entry and leaves the rest", () => {
    const two: CollectionSnapshot = {
      ...v1,
      education: educationSchema(ctx).parse({ fullTime: [sysu, jnu] }),
    };
    const next = applyItemEdit(
      two,
      { step: "education", list: "fullTime", index: 1 },
      {
        ...jnu,
        school: "华南理工大学",
      },
    );
    expect(next).toEqual({
      fullTime: [two.education.fullTime[0], { ...jnu, school: "华南理工大学" }],
      partTime: [],
    });
    // The snapshot itself is never altered: it is an archive version.
    expect(two.education.fullTime[1]!.school).toBe("暨南大学");
  });

  it("appends an entry, and removes one with null", () => {
    const added = applyItemEdit(v1, { step: "education", list: "partTime" }, jnu);
    expect(added.partTime).toEqual([jnu]);
    const removed = applyItemEdit(
      v1,
      { step: "professional", list: "qualifications", index: 0 },
      null,
    );
    expect(removed.qualifications).toEqual([]);
    expect(removed.abacusLevel).toBe("NONE");
  });

  it("changes a step's own fields without touching its lists", () => {
    const next = applyItemEdit(
      v1,
      { step: "professional" },
      {
        isCpa: true,
        isTaxAdvisor: false,
        isAssetAppraiser: false,
        abacusLevel: "NONE",
        qualifications: [],
      },
    );
    expect(next.isCpa).toBe(true);
    expect(next.qualifications).toEqual(v1.professional.qualifications);
    expect(itemValues(v1, { step: "professional" })).not.toHaveProperty("qualifications");
  });

  it("places an entry where it is saved: its own index, or the end for a new one", () => {
    expect(entryPath(v1, { step: "education", list: "fullTime", index: 0 })).toBe("fullTime.0");
    expect(entryPath(v1, { step: "education", list: "fullTime" })).toBe("fullTime.1");
    expect(entryPath(v1, { step: "education", list: "partTime" })).toBe("partTime.0");
    expect(entryPath(v1, { step: "education" })).toBeNull();
  });

  it("refuses an entry that is no longer there", () => {
    const ref = { step: "education" as const, list: "fullTime", index: 3 };
    expect(itemRefProblem(v1, ref)).toBe(ENTRY_GONE);
    expect(() => applyItemEdit(v1, ref, sysu)).toThrow(ENTRY_GONE);
    expect(validateItemEdit(v1, ref, sysu, ctx)).toEqual({
      ok: false,
      message: ENTRY_GONE,
      errors: {},
    });
  });
});

describe("validateItemEdit", () => {
  it("accepts a new email and returns the next snapshot", () => {
    const r = validateItemEdit(
      v1,
      { step: "personal" },
      { ...v1.personal, email: " li@example.com " },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data).toEqual({ ...v1.personal, email: "li@example.com" });
    expect(r.snapshot).toEqual({ ...v1, personal: { ...v1.personal, email: "li@example.com" } });
  });

  it("applies the collection schema to an edited entry", () => {
    const r = validateItemEdit(
      v1,
      { step: "education", list: "fullTime", index: 0 },
      { ...sysu, graduatedOn: "2008-01" },
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      message: "信息填写有误，请按提示修改后再保存",
      errors: {
        education: [{ path: ["fullTime", 0, "graduatedOn"], message: "毕业时间应晚于入学时间" }],
      },
    });
  });

  it("lets the schema refuse removing the last 全日制 entry", () => {
    const r = validateItemEdit(v1, { step: "education", list: "fullTime", index: 0 }, null, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.education).toEqual([
      { path: ["fullTime"], message: "请至少填写一条全日制教育信息" },
    ]);
  });

  it("applies the rules across steps: 在校生 needs a 学生证", () => {
    const r = validateItemEdit(
      v1,
      { step: "work" },
      { status: "STUDENT", regionCode: "440106", schoolName: "中山大学" },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      personal: [{ path: ["studentCardId"], message: STUDENT_CARD_REQUIRED }],
    });
  });

  it("does not blame an edit for a problem another step already had", () => {
    const legacy = { ...v1, notice: {} } as unknown as CollectionSnapshot;
    const r = validateItemEdit(
      legacy,
      { step: "personal" },
      { ...v1.personal, email: "li@example.com" },
      ctx,
    );
    expect(r.ok).toBe(true);
  });

  it("refuses a region outside the jurisdiction", () => {
    const r = validateItemEdit(v1, { step: "work" }, { ...v1.work, regionCode: "110101" }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.work?.map((i) => i.path)).toEqual([["regionCode"]]);
  });

  it("refuses a new 性别 or 国籍/地区 where 个人信息 asked them", () => {
    const passportCtx = {
      ...ctx,
      documentType: "PASSPORT" as const,
      birthDate: undefined,
      nationality: undefined,
      nationalityCodes: NATIONALITIES.codes,
    };
    const personal = personalSchema(passportCtx).parse({
      ...v1.personal,
      nationality: "USA",
      gender: "2",
      birthDate: "1991-02-03",
      documentPageIds: { DATA_PAGE: PORTRAIT, VALIDITY_PAGE: EMBLEM },
    });
    const passport = {
      ...v1,
      person: { ...v1.person, idType: "PASSPORT", gender: null, birthDate: null },
      personal,
    } as CollectionSnapshot;

    const gender = validateItemEdit(
      passport,
      { step: "personal" },
      { ...personal, gender: "1" },
      passportCtx,
    );
    expect(gender).toEqual({
      ok: false,
      message: immutableMessage("gender"),
      errors: { personal: [{ path: ["gender"], message: immutableMessage("gender") }] },
    });
    const nation = validateItemEdit(
      passport,
      { step: "personal" },
      { ...personal, nationality: "GBR" },
      passportCtx,
    );
    expect(nation.ok).toBe(false);
    if (!nation.ok) expect(nation.errors.personal?.[0]?.path).toEqual(["nationality"]);
    // 出生日期 is not one of the four: it may be corrected.
    const born = validateItemEdit(
      passport,
      { step: "personal" },
      { ...personal, birthDate: "1991-02-04" },
      passportCtx,
    );
    expect(born.ok).toBe(true);
  });
});
