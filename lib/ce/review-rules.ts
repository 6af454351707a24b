import * as z from "zod/mini";

// 认定 / 不予认定 of a 继续教育 claim: a rejection must say why (the accountant reads it on their
// 继续教育 page); a recognition may carry a note. Client-safe: the review form runs it too.

const REVIEW_DECISIONS = ["recognise", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REJECT_REASON_REQUIRED = "请填写不予认定的理由";
export const MAX_REVIEW_REASON = 500;
export const REVIEW_REASON_TOO_LONG = `理由不能超过${MAX_REVIEW_REASON}个字`;

export const reviewDecisionSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: () => "请选择认定或不予认定" }),
    reason: z._default(
      z.string().check(z.trim(), z.maxLength(MAX_REVIEW_REASON, REVIEW_REASON_TOO_LONG)),
      "",
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.decision === "reject" && v.reason === "") {
        ctx.addIssue({ code: "custom", path: ["reason"], message: REJECT_REASON_REQUIRED });
      }
    }),
  );
