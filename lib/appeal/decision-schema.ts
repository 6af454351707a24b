import * as z from "zod/mini";
import { APPEAL_DECISIONS, MAX_DECISION_REASON, REJECT_REASON_REQUIRED } from "./appeal-rules";

// Apart from the rules (appeal-rules.ts), which the appellant's photo step loads without zod.

/** 改绑 or 不通过: a rejection says why (sent to the appellant by SMS, so kept short). */
export const appealDecisionSchema = z
  .object({
    decision: z.enum(APPEAL_DECISIONS, { error: () => "请选择通过或不通过" }),
    reason: z._default(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(MAX_DECISION_REASON, `理由不能超过${MAX_DECISION_REASON}个字`),
        ),
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
