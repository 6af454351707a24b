import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { CONFIRM_INVALID, ID_REGISTERED_HERE, TRANSFER_GONE } from "@/lib/transfer/in-confirm";
import { TICKET_EXPIRED } from "@/lib/transfer/in-ticket";
import {
  ALREADY_APPLIED,
  ALREADY_HERE,
  LEAVING_HERE,
  NO_TRANSFER,
  PHONE_NOT_ORIGINS,
  PHONE_TAKEN_HERE,
  VERIFY_INVALID,
} from "@/lib/transfer/in-verify";
import { EXCHANGE_UNAVAILABLE } from "@/lib/transfer/hub-exchange";
import { transferInConfirmSchema, transferInVerifySchema } from "./in-application";

// 省外调入 in English (README "Languages"): the two steps' field errors and the refusals the page
// shows, each listed in lib/i18n/source-text/*/appeal.json (or the common file).

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("省外调入 in English", () => {
  it("has English for every field error of 填写验证信息 and 确认调入", () => {
    const found = [
      // as the form starts: every field empty
      ...messages(transferInVerifySchema, {
        name: "",
        idType: "",
        idNumber: "",
        phone: "",
        smsCode: "",
        regionCode: "",
      }),
      ...messages(transferInVerifySchema, {
        name: "Li",
        idType: "RESIDENT_ID",
        idNumber: "110101199001011230",
        phone: "2345",
        smsCode: "12",
        regionCode: "44",
      }),
      ...messages(transferInConfirmSchema, {
        ticket: "",
        needsPassword: "yes",
        idNumber: "110101199001011237",
        phone: "13800138000",
        password: "short",
        confirmPassword: "other",
      }),
    ];
    expect(found.length).toBeGreaterThan(8);
    for (const m of found) expect(m).toMatch(/\p{Script=Han}/u);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("has English for the refusals, region names kept as written", () => {
    const texts = [
      VERIFY_INVALID,
      ALREADY_HERE,
      LEAVING_HERE,
      ALREADY_APPLIED,
      NO_TRANSFER,
      PHONE_TAKEN_HERE,
      PHONE_NOT_ORIGINS,
      TICKET_EXPIRED,
      CONFIRM_INVALID,
      ID_REGISTERED_HERE,
      TRANSFER_GONE,
      EXCHANGE_UNAVAILABLE,
      "请选择本平台辖区内的区县",
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(
      toEnglish("调入地须与调出申请时填写的一致（调出地填写的是：广州市天河区、深圳市南山区）"),
    ).toBe(
      "The destination must be the one named in the transfer-out application (广州市天河区、深圳市南山区)",
    );
  });
});
