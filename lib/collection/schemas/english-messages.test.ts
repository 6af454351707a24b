import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { UPLOAD_MESSAGES } from "@/lib/upload/limits";
import { UPLOAD_OWNER_CHANGED, UPLOAD_OWNER_MISSING } from "@/lib/auth/page-owner";
import { PAGE_OWNER_CHANGED } from "@/lib/auth/page-owner";
import { UNSUPPORTED_FORMAT_MESSAGE } from "@/lib/upload/sniff";
import { validateCreditCode } from "../credit-code";
import { regionRuleText } from "../rules";
import { STEPS } from "../steps";
import { SUBMIT_INCOMPLETE } from "../archive-service";
import {
  ALREADY_COLLECTED,
  ATTACHMENT_INVALID,
  DRAFT_STALE,
  DRAFT_TOO_LARGE,
  STEP_LOCKED,
} from "../draft-service";
import { TEST_CONTEXT } from "../test-support";
import { validateWholeRecord } from "../whole-record";
import { awardsSchema } from "./awards";
import { educationSchema } from "./education";
import { noticeSchema } from "./notice";
import { personalSchema } from "./personal";
import { professionalSchema } from "./professional";
import { workSchema } from "./work";

// 信息采集's field errors in English (lib/i18n/source-text/*/collection.json): the step schemas
// run here on empty and wrong input, and every message they write must have its English.

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
/** Han outside brackets: a Chinese term in brackets after its English is how terms are named. */
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;
const ctx = TEST_CONTEXT;
/** No birth date known and a document that carries none: 性别, 出生日期 and 国籍/地区 asked. */
const passport = {
  ...ctx,
  documentType: "PASSPORT" as const,
  birthDate: undefined,
  nationality: undefined,
  nationalityCodes: ["GBR"],
};

function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

function expectEnglish(found: string[]) {
  // the schemas' own Chinese messages, not zod's defaults
  for (const m of found) expect(m).toMatch(/\p{Script=Han}/u);
  // the platform's area is configured text, named as configured (in brackets)
  const english = found.map((m) => toEnglish(m).replace(ctx.regions.label, ""));
  const untranslated = found.filter((_, i) => HAN_OUTSIDE_BRACKETS.test(english[i]!));
  expect([...new Set(untranslated)]).toEqual([]);
}

const long = "长".repeat(101);
const year = (y: unknown) => ({ year: y, selectedYear: y, graduatedYear: y });

describe("信息采集's messages in English", () => {
  it("has English for 阅读须知 and 个人信息", () => {
    const found = [
      ...messages(noticeSchema, {}),
      ...Object.keys(DOCUMENT_TYPES).flatMap((type) =>
        messages(personalSchema({ ...ctx, documentType: type as DocumentTypeCode }), {}),
      ),
      ...messages(personalSchema(passport), { email: "x", birthDate: "1990" }),
      ...messages(personalSchema(passport), { email: `${long}@a.cn`, birthDate: "1870-01-01" }),
      ...messages(personalSchema(passport), { birthDate: "2099-01-01", documentPageIds: 1 }),
    ];
    expect(found.length).toBeGreaterThan(20);
    expectEnglish(found);
  });

  it("has English for 学历信息", () => {
    const entry = { level: "20", enrolledOn: "2027-01", graduatedOn: "2026-13", school: long };
    const found = [
      ...messages(educationSchema(ctx), {}),
      ...messages(educationSchema(ctx), { fullTime: [], partTime: Array(11).fill({}) }),
      ...messages(educationSchema(ctx), { fullTime: [{}, entry], partTime: [] }),
      ...messages(educationSchema(ctx), {
        fullTime: [
          { enrolledOn: "1980-09", graduatedOn: "1979-07", major: long },
          { enrolledOn: "2020-09", graduatedOn: "2027-07" },
        ],
      }),
      ...messages(educationSchema(ctx), { fullTime: Array(11).fill({}) }),
    ];
    expectEnglish(found);
  });

  it("has English for 工作信息, its 统一社会信用代码 and its region", () => {
    const schema = workSchema(ctx);
    const found = [
      ...messages(schema, {}),
      ...["ACCOUNTING_POST", "NON_ACCOUNTING_POST", "UNEMPLOYED", "STUDENT"].flatMap((status) => [
        ...messages(schema, { status }),
        regionRuleText(status as Parameters<typeof regionRuleText>[0]),
      ]),
      ...messages(schema, {
        status: "ACCOUNTING_POST",
        regionCode: "440100",
        employerName: long,
        accountingSinceYear: "20",
      }),
      ...messages(schema, { status: "STUDENT", regionCode: "110101", schoolName: long }),
      ...messages(schema, { status: "ACCOUNTING_POST", accountingSinceYear: "2099" }),
      ...messages(schema, { status: "ACCOUNTING_POST", accountingSinceYear: "1950" }),
      ...messages(workSchema({ ...ctx, birthDate: undefined }), {
        status: "ACCOUNTING_POST",
        accountingSinceYear: "1800",
      }),
      ...["", "9144", "91440300192203821I", "91AB0300192203821X", "914403001922038217"].map(
        (code) => {
          const r = validateCreditCode(code);
          return r.ok ? "" : r.message;
        },
      ),
    ];
    expectEnglish(found);
  });

  it("has English for 专业技术信息 and 奖励信息, each year's rules included", () => {
    const professional = professionalSchema(ctx);
    const awards = awardsSchema(ctx);
    const found = [
      ...messages(professional, {}),
      ...messages(professional, { qualifications: [{}], talents: [{ status: "GRADUATED" }] }),
      ...messages(awards, { awards: [{}] }),
      ...messages(awards, { awards: Array(31).fill({ name: long }) }),
      ...messages(professional, {
        qualifications: Array(21).fill({ certificateNo: long }),
        talents: Array(11).fill({}),
      }),
      ...["20", "2099", "1950"].flatMap((y) => [
        ...messages(professional, {
          qualifications: [year(y)],
          talents: [{ ...year(y), status: "GRADUATED" }],
        }),
        ...messages(awards, { awards: [year(y)] }),
      ]),
      ...messages(professionalSchema({ ...ctx, birthDate: undefined }), {
        qualifications: [year(1800)],
        talents: [{ ...year(1800), status: "GRADUATED" }],
      }),
      ...messages(awardsSchema({ ...ctx, birthDate: undefined }), { awards: [year(1800)] }),
      ...messages(professional, {
        talents: [{ selectedYear: "2020", graduatedYear: "2019", status: "GRADUATED" }],
      }),
    ];
    expectEnglish(found);
  });

  it("has English for 提交's checks across steps, the refusals, the uploads and the step names", () => {
    const whole = validateWholeRecord(
      { notice: { truthPledge: true }, work: { status: "STUDENT" } },
      ctx,
    );
    const texts = [
      ...(whole.ok ? [] : Object.values(whole.errors).flatMap((l) => l!.map((i) => i.message))),
      ...STEPS.map((s) => s.label),
      SUBMIT_INCOMPLETE,
      STEP_LOCKED,
      DRAFT_STALE,
      ALREADY_COLLECTED,
      DRAFT_TOO_LARGE,
      ATTACHMENT_INVALID,
      UNSUPPORTED_FORMAT_MESSAGE,
      UPLOAD_MESSAGES.empty,
      UPLOAD_MESSAGES.tooLarge,
      UPLOAD_MESSAGES.corrupt,
      UPLOAD_MESSAGES.tooManyPixels,
      UPLOAD_OWNER_CHANGED,
      UPLOAD_OWNER_MISSING,
      PAGE_OWNER_CHANGED,
    ];
    expect(whole.ok).toBe(false);
    expectEnglish(texts);
  });

  it("names the field in a year's message, and keeps the platform's area in brackets", () => {
    expect(toEnglish("取得年份不能晚于今年（2026年）")).toBe(
      "The year obtained cannot be later than this year (2026)",
    );
    expect(toEnglish("所属行政区划应在广东省内（除深圳）")).toBe(
      "The region must be within the platform's area (广东省内（除深圳）)",
    );
  });
});
