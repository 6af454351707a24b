import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { MAX_DECISION_REASON, REJECT_REASON_REQUIRED } from "./appeal-rules";
import { appealDecisionSchema } from "./decision-schema";

describe("账号申诉's decision", () => {
  it("a rejection says why; a reassignment need not; the reason is bounded", () => {
    expect(z.safeParse(appealDecisionSchema, { decision: "reassign" }).success).toBe(true);
    const bare = z.safeParse(appealDecisionSchema, { decision: "reject", reason: "   " });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues[0]).toMatchObject({
      path: ["reason"],
      message: REJECT_REASON_REQUIRED,
    });
    expect(
      z.safeParse(appealDecisionSchema, {
        decision: "reject",
        reason: "字".repeat(MAX_DECISION_REASON),
      }).success,
    ).toBe(true);
    expect(
      z.safeParse(appealDecisionSchema, {
        decision: "reject",
        reason: "字".repeat(MAX_DECISION_REASON + 1),
      }).success,
    ).toBe(false);
    expect(z.safeParse(appealDecisionSchema, { decision: "approve" }).success).toBe(false);
  });
});
