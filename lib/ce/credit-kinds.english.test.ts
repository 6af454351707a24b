import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { safeParse } from "zod/mini";
import { thresholdsText, thresholdValues } from "@/components/ce/ce-text";
import { CE_RECORD_STATES } from "@/lib/codes/ce-record-state";
import { ATTACHMENT_INVALID } from "@/lib/collection/draft-service";
import { NOT_COLLECTED } from "@/lib/collection/archive-service";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import { TRANSFER_LOCKED, TRANSFERRED_OUT } from "@/lib/person/locks";
import { NO_CERTIFICATE, PDF_LIMITED } from "@/lib/verification/issue-service";
import { CLAIM_INVALID, DUPLICATE_CLAIM, NOT_WITHDRAWABLE } from "./claims";
import {
  CE_CATEGORIES,
  CHOOSE_KIND,
  CREDIT_KIND_RULES,
  CREDIT_KINDS,
  NO_OBLIGATION,
  PAPER_AUTHORSHIPS,
} from "./credit-kinds";
import { anyClaimSchema } from "./credit-schemas";
import { CE_YEAR_STATES } from "./year-status";

// 继续教育 in English (README "Languages"): the claim form's field errors and the labels, states
// and refusals the pages show, each listed in lib/i18n/source-text/*/ce.json; and the yearly
// requirement, which the pages say from messages and the PDF and the console from thresholdsText.

const zhCN = messagesFor("zh-CN");
const en = messagesFor("en");
const toEnglish = sourceTextTranslator(zhCN.Lib, en.Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const self = { today: "2026-12-04", obligationStartYear: 2015 };
const long = "长".repeat(201);

describe("继续教育 in English", () => {
  it("has English for every field error of 申报学分, whichever the kind", () => {
    const schema = anyClaimSchema(self);
    const found = [
      ...messages(schema, { kind: "EXAM" }),
      ...messages(schema, { kind: "CONFERENCE", year: "" }),
      ...messages(schema, { kind: "DEGREE_COURSE", year: "20" }),
      ...messages(schema, { kind: "PAPER", year: "2030", serialNumber: "" }),
      ...messages(schema, {
        kind: "EXAM",
        year: "2010",
        examName: long,
        subject: long,
        attachmentId: "",
      }),
      ...messages(schema, {
        kind: "CONFERENCE",
        year: "2024",
        name: long,
        organiser: long,
        days: "31",
      }),
      ...messages(schema, { kind: "DEGREE_COURSE", school: long, major: long, courseName: long }),
      ...messages(schema, {
        kind: "PAPER",
        title: long,
        journal: long,
        serialNumber: "11-1234",
        authorship: "X",
      }),
      ...messages(anyClaimSchema({ ...self, obligationStartYear: null }), {
        kind: "EXAM",
        year: "2024",
      }),
      CHOOSE_KIND,
    ];
    expect(found.length).toBeGreaterThan(30);
    for (const m of found) expect(m).toMatch(/\p{Script=Han}/u);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(toEnglish("发表年度不能晚于今年（2026年）")).toBe(
      "The year published cannot be later than this year (2026)",
    );
  });

  it("has English for the states, kinds, categories and refusals the pages show", () => {
    const texts = [
      ...CE_YEAR_STATES.entries.map((e) => e.label),
      ...CE_RECORD_STATES.entries.map((e) => e.label),
      ...CE_CATEGORIES.entries.map((e) => e.label),
      ...CREDIT_KINDS.entries.map((e) => e.label),
      ...PAPER_AUTHORSHIPS.entries.map((e) => e.label),
      ...Object.values(CREDIT_KIND_RULES).map((r) => r.equivalence),
      NO_OBLIGATION,
      DUPLICATE_CLAIM,
      CLAIM_INVALID,
      NOT_WITHDRAWABLE,
      NOT_COLLECTED,
      ATTACHMENT_INVALID,
      TRANSFER_LOCKED,
      TRANSFERRED_OUT,
      PDF_LIMITED,
      NO_CERTIFICATE,
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it.each([
    ["Guangdong's", GUANGDONG_CE_THRESHOLDS],
    ["the national", NATIONAL_CE_THRESHOLDS],
    ["a public-only", { ...NATIONAL_CE_THRESHOLDS, minPublic: 30, minProfessionalShare: null }],
    [
      "a professional-only",
      {
        ...GUANGDONG_CE_THRESHOLDS,
        minPublic: 0,
        minProfessionalShare: { numerator: 3, denominator: 5 },
      },
    ],
  ])("says %s yearly requirement as thresholdsText does, and in English", (_what, rule) => {
    const zh = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "Ce" });
    const english = createTranslator({ locale: "en", messages: en, namespace: "Ce" });
    expect(zh("thresholds", thresholdValues("广东省", rule))).toBe(thresholdsText("广东省", rule));
    expect(english("thresholds", thresholdValues("Guangdong", rule))).not.toMatch(
      HAN_OUTSIDE_BRACKETS,
    );
  });

  it("says of a 无记录 year where the records begin and what to do, never 未完成 as its state", () => {
    const zh = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "CeYears" });
    const text = zh("noRecordText", { year: "2020" });
    expect(text).toContain("本平台的继续教育记录自2020年起");
    expect(text).toContain("请联系所在地财政部门");
    expect(text).toContain("申报学分");
  });
});
