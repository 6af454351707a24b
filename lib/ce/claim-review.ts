import "server-only";
import type { RequestContext } from "@/lib/audit/audit";
import type { CeRecordState } from "@/lib/codes/ce-record-state";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { CLAIM_KINDS } from "./credit-kinds";
import {
  auditCredit,
  type CeResult,
  CREDIT_NOT_FOUND,
  invalid,
  lockPerson,
  staffAudit,
  staffCredit,
} from "./record-steps";
import { type ReviewDecision, reviewDecisionSchema } from "./review-rules";
import { refreshCeYearTotal } from "@/lib/search/ce-year-total";

// 认定 / 不予认定: finance staff of the claim's region decide on a claim awaiting recognition.

export const ALREADY_REVIEWED = "该申报已审核，不能重复审核";

/** 认定 / 不予认定 of a claim of the reviewer's region; a rejection states its reason. */
export async function reviewClaim(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  id: string,
  decision: ReviewDecision,
  reason: string | undefined,
  now = new Date(),
): Promise<CeResult> {
  if (!holdsAny(reviewer, ["ce-review"])) return ROLE_REFUSAL;
  const parsed = reviewDecisionSchema.safeParse({ decision, reason: reason ?? "" });
  if (!parsed.success) {
    const errors = fieldErrorsFromIssues(parsed.error.issues);
    return invalid(errors, Object.values(errors)[0] ?? "");
  }
  const text = parsed.data.reason || null;
  return refusableTransaction<CeResult>(db, async (tx, refuse) => {
    const claim = await staffCredit(tx, refuse, id, reviewer);
    if (!(CLAIM_KINDS as readonly string[]).includes(claim.kind)) {
      return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
    }
    await lockPerson(tx, refuse, claim.personId, "staff");
    const state: CeRecordState = decision === "recognise" ? "recognised" : "rejected";
    const updated = await tx.ceCredit.updateMany({
      where: { id, state: "claimed" },
      data: {
        state,
        reviewReason: text,
        reviewedBy: reviewer.staffId,
        reviewedAt: now,
        updatedAt: now,
      },
    });
    if (updated.count === 0) {
      return refuse({ ok: false, reason: "stale", message: ALREADY_REVIEWED });
    }
    await refreshCeYearTotal(tx, claim.personId, claim.year, now);
    await auditCredit(tx, ctx, staffAudit(reviewer, claim.regionCode), "ce.claim-review", id, {
      decision,
      personId: claim.personId,
      kind: claim.kind,
      year: claim.year,
    });
    return { ok: true as const };
  });
}
