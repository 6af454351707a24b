import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { IN_TRANSFER_STATES } from "@/lib/transfer/in-states";
import { OUT_TRANSFER_STATES } from "@/lib/transfer/out-states";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import { TRANSFER_LOCKED, TRANSFERRED_OUT } from "@/lib/person/locks";
import { ALREADY_OPEN, APPLICATION_INVALID, PENDING_CE } from "@/lib/transfer/out-apply";
import { outApplicationSchema } from "@/lib/transfer/schemas/out-application";

// 申请调出 and 人员调转 show the domain's Chinese (the schema's errors, the states, the locks)
// through the "Lib" catalogue: each has its English.

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(values: unknown): string[] {
  const r = safeParse(outApplicationSchema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("人员调转 in English", () => {
  it("has English for every field error of 申请调出", () => {
    const uuid = "8b9f3c1e-2d4a-4f6b-9c8d-1a2b3c4d5e6f";
    const found = [
      ...messages({ destMember: "", destRegionCode: "", reason: "", attachmentIds: [] }),
      ...messages({
        destMember: "440000",
        destRegionCode: "440305",
        reason: "x".repeat(10_000),
        attachmentIds: ["nope", uuid, uuid, ...Array(20).fill(uuid)],
      }),
    ];
    expect(found).toContain("请填写调出理由");
    expect(found.length).toBeGreaterThan(4);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("has English for the states, the locks and the refusals", () => {
    const texts = [
      ...OUT_TRANSFER_STATES.options.map((o) => o.label),
      ...IN_TRANSFER_STATES.options.map((o) => o.label),
      ...HUB_TRANSFER_STATES.options.map((o) => o.label),
      TRANSFER_LOCKED,
      TRANSFERRED_OUT,
      APPLICATION_INVALID,
      ALREADY_OPEN,
      PENDING_CE,
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });
});
