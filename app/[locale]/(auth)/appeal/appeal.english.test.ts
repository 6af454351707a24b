import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { APPEAL_PHOTO_KINDS, APPEAL_STATES } from "@/lib/appeal/appeal-rules";
import { DRAFT_EXPIRED } from "@/lib/appeal/draft";
import { APPEALS_TOO_FREQUENT } from "@/lib/appeal/limits";
import { SUPERSEDED_REASON } from "@/lib/appeal/decide";
import { ALREADY_APPEALED, NOT_REGISTERED, OWN_PHONE } from "@/lib/appeal/start";
import { APPEAL_NOT_FOUND } from "@/lib/appeal/status";
import {
  NETWORK_FAILURE_MESSAGE,
  UNEXPECTED_ANSWER_MESSAGE,
} from "@/components/collection/upload-attachment";
import { messagesFor } from "@/lib/i18n/messages";
import { UPLOAD_MESSAGES } from "@/lib/upload/limits";
import { UPLOAD_INTERRUPTED, UPLOAD_TOO_SLOW } from "@/lib/upload/receive-upload";
import { UNSUPPORTED_FORMAT_MESSAGE } from "@/lib/upload/sniff";
import { UPLOAD_IN_PROGRESS, UPLOADS_BUSY, UPLOADS_TOO_FREQUENT } from "@/lib/upload/upload-gate";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { appealStatusSchema, startAppealSchema } from "./appeal.validation";

// 账号申诉 in English (README "Languages"): the forms' field errors and the domain's refusals and
// labels the pages show, each listed in lib/i18n/source-text/*/appeal.json (or the common file).

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("账号申诉 in English", () => {
  it("has English for every field error of 第一步 and 申诉进度查询", () => {
    const found = [
      ...messages(startAppealSchema, {}),
      ...messages(startAppealSchema, {
        name: "王3",
        idType: "RESIDENT_ID",
        idNumber: "110105194912310021",
        phone: "2345",
        smsCode: "12",
      }),
      ...messages(appealStatusSchema, {}),
      ...messages(appealStatusSchema, { appealNumber: " ", phone: "", smsCode: "" }),
      ...messages(appealStatusSchema, { appealNumber: "20261204", phone: "1", smsCode: "x" }),
    ];
    expect(found.length).toBeGreaterThan(8);
    for (const m of found) expect(m).toMatch(/\p{Script=Han}/u);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(toEnglish("申诉编号为SS加14位数字")).toBe("An appeal number is SS and 14 digits");
  });

  it("has English for the refusals, the states and the photos", () => {
    const texts = [
      DRAFT_EXPIRED,
      APPEALS_TOO_FREQUENT,
      SUPERSEDED_REASON,
      NOT_REGISTERED,
      ALREADY_APPEALED,
      OWN_PHONE,
      APPEAL_NOT_FOUND,
      ...APPEAL_STATES.entries.map((e) => e.label),
      ...APPEAL_PHOTO_KINDS.entries.flatMap((e) => [e.label, `请上传${e.label}`]),
      // a photo's refusals, from the browser's check and from the intake
      ...Object.values(UPLOAD_MESSAGES),
      UNSUPPORTED_FORMAT_MESSAGE,
      UPLOAD_INTERRUPTED,
      UPLOAD_TOO_SLOW,
      UPLOADS_BUSY,
      UPLOAD_IN_PROGRESS,
      UPLOADS_TOO_FREQUENT,
      NETWORK_FAILURE_MESSAGE,
      UNEXPECTED_ANSWER_MESSAGE,
      "图片太小（短边不足300像素），请上传清晰的照片",
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });
});
