import { describe, expect, it } from "vitest";
import {
  REJECT_REASON_REQUIRED,
  REVIEW_REASON_TOO_LONG,
  reviewDecisionSchema,
} from "./review-rules";

describe("claim review decision", () => {
  it("requires a reason to reject, not to recognise", () => {
    const reject = reviewDecisionSchema.safeParse({ decision: "reject", reason: "   " });
    expect(reject.error?.issues).toMatchObject([
      { path: ["reason"], message: REJECT_REASON_REQUIRED },
    ]);
    expect(reviewDecisionSchema.parse({ decision: "recognise" })).toEqual({
      decision: "recognise",
      reason: "",
    });
    expect(reviewDecisionSchema.parse({ decision: "reject", reason: " 证明材料不清晰 " })).toEqual({
      decision: "reject",
      reason: "证明材料不清晰",
    });
  });

  it("limits the reason to 500 characters and refuses unknown decisions", () => {
    const long = reviewDecisionSchema.safeParse({ decision: "reject", reason: "字".repeat(501) });
    expect(long.error?.issues[0]?.message).toBe(REVIEW_REASON_TOO_LONG);
    expect(reviewDecisionSchema.safeParse({ decision: "approve" }).success).toBe(false);
  });
});
