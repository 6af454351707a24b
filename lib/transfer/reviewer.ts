import "server-only";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { regionWithin } from "@/lib/region/scope";
import { APPLICATION_NOT_FOUND, type TransferRefusal } from "./results";

// Who decides a 调出申请 or 调入申请 (out-review.ts, in-review.ts): the automatic review once it
// falls due, or before then finance staff of the application's region with role transfer-review.

export type TransferReviewer = { type: "auto" } | { type: "staff"; scope: StaffActor };

/**
 * The application `load` finds, if this reviewer may decide it. The role is checked before
 * anything is read; outside the region reads exactly like no such application.
 */
export async function reviewable<A extends { regionCode: string }>(
  reviewer: TransferReviewer,
  load: () => Promise<A | null>,
): Promise<{ ok: true; app: A } | TransferRefusal> {
  if (reviewer.type === "staff" && !holdsAny(reviewer.scope, ["transfer-review"])) {
    return ROLE_REFUSAL;
  }
  const app = await load();
  if (
    !app ||
    (reviewer.type === "staff" && !regionWithin(app.regionCode, reviewer.scope.regionCodes))
  ) {
    return { ok: false, reason: "not-found", message: APPLICATION_NOT_FOUND };
  }
  return { ok: true, app };
}

/** What staff ask for; the automatic review asks nothing (null) and decides by its own checks. */
export type WantedDecision = { decision: "approve" | "reject"; reason: string };

function reviewerStaffId(reviewer: TransferReviewer): string | null {
  return reviewer.type === "staff" ? reviewer.scope.staffId : null;
}

/**
 * What a decision records on the application: its new state, when, who (null: 系统自动审核) and
 * why; 审核不通过 also closes it.
 */
export function reviewedFields<S extends string>(
  state: S,
  reviewer: TransferReviewer,
  reason: string,
  now: Date,
) {
  return {
    state,
    reviewedAt: now,
    reviewedBy: reviewerStaffId(reviewer),
    reviewReason: reason,
    closedAt: state === "rejected" ? now : null,
  };
}

/** The decision's audit entry but for its action, region and target. */
export function reviewAudit(reviewer: TransferReviewer, state: string) {
  return {
    actorType: reviewer.type === "staff" ? ("staff" as const) : ("system" as const),
    actorId: reviewerStaffId(reviewer),
    outcome: "success" as const,
    details: { decision: state, automatic: reviewer.type === "auto" },
  };
}

/**
 * The job's query: pending applications whose automatic review is due, oldest due first, at most
 * 200 a run (the next run takes the rest).
 */
export function dueForReview(now: Date) {
  return {
    where: { state: "pending", reviewDueAt: { lte: now } },
    select: { id: true },
    orderBy: { reviewDueAt: "asc" },
    take: 200,
  } as const;
}
