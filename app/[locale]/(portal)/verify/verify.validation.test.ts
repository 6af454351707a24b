import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { CODE_MALFORMED, CODE_REQUIRED } from "@/lib/verification/code-format";
import { documentTitle } from "@/lib/verification/document-kinds";
import { issueDateText } from "@/lib/verification/issue-date";
import { DOCUMENT_STATUS_LABELS } from "@/lib/verification/status";
import { CODE_UNKNOWN } from "@/lib/verification/verify-service";
import { issuedOnIso } from "./issued-on";
import { verifySchema } from "./verify.validation";

const messages = (code: string) => {
  const r = z.safeParse(verifySchema, { code });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

describe("档案核验 form", () => {
  it("asks for a code, refuses one of the wrong shape, accepts one however typed", () => {
    expect(messages("  ")).toEqual([CODE_REQUIRED]);
    expect(messages("ABCD-1234")).toEqual([CODE_MALFORMED]);
    expect(messages("7K3M-9QWX-2HDP-ZR4U")).toEqual([CODE_MALFORMED]);
    expect(messages("7k3m 9qwx 2hdp zr4t")).toEqual([]);
  });

  it("says its field errors, refusals and answer in English", () => {
    const texts = [
      ...messages(""),
      ...messages("ABCD"),
      CODE_UNKNOWN,
      "核验查询过于频繁，请 15 分钟后再试",
      "请输入图形验证码",
      "图形验证码错误或已过期，请重新输入",
      documentTitle("archive", null),
      documentTitle("ce-certificate", 2025),
      ...Object.values(DOCUMENT_STATUS_LABELS),
    ];
    for (const text of texts) expect(toEnglish(text), text).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(toEnglish(documentTitle("ce-certificate", 2025))).toBe(
      "Continuing education credit certificate for 2025 (2025年度继续教育学分证明)",
    );
    expect(toEnglish("核验查询过于频繁，请 15 分钟后再试")).toBe(
      "Too many checks: try again in 15 min",
    );
  });

  it("gives the date of issue in ISO form for English", () => {
    expect(issuedOnIso(issueDateText(new Date("2026-01-04T20:00:00Z")))).toBe("2026-01-05");
    expect(issuedOnIso("2026-01-05")).toBeNull();
  });
});
