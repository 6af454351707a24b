import "server-only";
import { ownMemberCode } from "@/lib/exchange/config";
import { type RequestContext, SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { enqueue } from "@/lib/exchange/outbox";
import { destinationRegionProblem } from "@/lib/exchange/members";
import { lockPersonRow } from "@/lib/person/locks";
import type { ObjectStorage } from "@/lib/storage/types";
import { transferConfig } from "./config";
import { forEachDue } from "./due";
import { notifyPerson } from "./notify";
import { outboundTransfer } from "./out-file";
import { outTransition, type OutTransferState } from "./out-states";
import type { RefuseTransfer, TransferResult } from "./results";
import {
  dueForReview,
  reviewable,
  reviewAudit,
  reviewedFields,
  type TransferReviewer,
  type WantedDecision,
} from "./reviewer";
import { PENDING_CE } from "./out-apply";
import { refreshPersonSearch } from "@/lib/search/projection";

// 审核 of a 调出申请 (用户操作手册 4.1 “当前状态”): automatically once its review is due
// (reviewDueOut, run by the job), or earlier by finance staff of the person's region (role
// transfer-review, reason required). 审核通过 sends the file to the exchange through the outbox
// in the same transaction (全国平台处理状态: 待调入地接收); 审核不通过 ends the application and lifts
// the lock (the person may apply again). Each decision reaches the person by SMS.

export const ALREADY_REVIEWED = "该调出申请已审核，不能重复审核";
export const AUTO_APPROVED = "系统自动审核通过";

/** What the automatic review can check; a problem found rejects the application with it. */
async function autoReviewProblem(
  db: Db,
  app: { personId: string; destMember: string; destRegionCode: string },
) {
  const problem = destinationRegionProblem(ownMemberCode(), app.destRegionCode, app.destMember);
  if (problem) return problem.message;
  if (transferConfig().blockOnPendingCe) {
    const claims = await db.ceCredit.count({ where: { personId: app.personId, state: "claimed" } });
    if (claims > 0) return PENDING_CE;
  }
  return null;
}

interface Decision {
  state: OutTransferState;
  reason: string;
  /** approved: the file goes to the exchange */
  submit?: true;
}

async function decide(
  db: Db,
  storage: ObjectStorage,
  reviewer: TransferReviewer,
  app: { id: string; personId: string; destMember: string; destRegionCode: string },
  wanted: WantedDecision | null,
): Promise<Decision> {
  if (wanted?.decision === "reject") return { state: "rejected", reason: wanted.reason };
  if (reviewer.type === "auto") {
    const problem = await autoReviewProblem(db, app);
    if (problem) return { state: "rejected", reason: problem };
  }
  // Approving needs the whole file readable: an unreadable attachment rejects it with that
  // reason, automatic or not, rather than sending the exchange half a file. The file itself is
  // built again when the message is sent (outbox-bodies.ts): the outbox keeps no copy of it.
  const file = await outboundTransfer(db, storage, app.id);
  if (!file.ok) return { state: "rejected", reason: file.message };
  return { state: "approved", reason: wanted?.reason ?? AUTO_APPROVED, submit: true };
}

async function applyDecision(
  tx: Tx,
  ctx: RequestContext,
  reviewer: TransferReviewer,
  app: { id: string; personId: string; regionCode: string },
  decision: Decision,
  now: Date,
  refuse: RefuseTransfer,
) {
  const person = await lockPersonRow(tx, app.personId);
  const current = await tx.transferOut.findUniqueOrThrow({
    where: { id: app.id },
    select: { state: true },
  });
  const move = outTransition(
    current.state as OutTransferState,
    decision.state === "approved" ? "approve" : "reject",
  );
  if (!move.ok || !move.changed) {
    return refuse({ ok: false, reason: "stale", message: ALREADY_REVIEWED });
  }
  await tx.transferOut.update({
    where: { id: app.id },
    data: {
      ...reviewedFields(move.state, reviewer, decision.reason, now),
      hubState: decision.submit ? "submitted" : null,
    },
  });
  await tx.person.update({
    where: { id: app.personId },
    data: { transferState: move.state === "approved" ? "OUT_APPROVED" : null },
  });
  await refreshPersonSearch(tx, app.personId, now);
  if (decision.submit) {
    // The body (证件号码, attachments) is composed from this application when it is sent.
    await enqueue(tx, {
      recipient: "hub",
      kind: "transfer.submit",
      transferId: app.id,
      payload: {},
    });
  }
  await writeAudit(tx, ctx, {
    ...reviewAudit(reviewer, move.state),
    action: "transfer.out-review",
    regionCode: person?.regionCode ?? app.regionCode,
    targetType: "transfer-out",
    targetId: app.id,
  });
  return move.state;
}

const NOTICES = {
  approved: {
    status: "调出申请审核通过",
    detail: "档案已报送全国平台，请前往调入地会计人员信息服务平台办理调入。",
  },
  rejected: { status: "调出申请审核不通过", detail: "请登录平台查看原因，可修改后重新申请。" },
} as const;

/**
 * Decides one 调出申请 awaiting review. Staff name their decision and reason; the automatic
 * review approves unless a check fails. "stale" when it was decided meanwhile.
 */
export async function reviewTransferOut(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  reviewer: TransferReviewer,
  id: string,
  wanted: WantedDecision | null,
  now = new Date(),
): Promise<TransferResult<{ state: OutTransferState }>> {
  const access = await reviewable(reviewer, () =>
    db.transferOut.findUnique({
      where: { id },
      select: {
        id: true,
        personId: true,
        regionCode: true,
        destMember: true,
        destRegionCode: true,
        state: true,
        person: { select: { phone: true } },
      },
    }),
  );
  if (!access.ok) return access;
  const { app } = access;
  if (app.state !== "pending") return { ok: false, reason: "stale", message: ALREADY_REVIEWED };
  const decision = await decide(db, storage, reviewer, app, wanted);
  const result = await refusableTransaction<TransferResult<{ state: OutTransferState }>>(
    db,
    async (tx, refuse) => {
      const state = await applyDecision(tx, ctx, reviewer, app, decision, now, refuse);
      return { ok: true as const, state };
    },
  );
  if (result.ok && (result.state === "approved" || result.state === "rejected")) {
    await notifyPerson(app.person.phone, NOTICES[result.state]);
  }
  return result;
}

/** The job: every 调出申请 whose automatic review is due at `now`. */
export async function reviewDueOut(ctx: {
  db: Db;
  storage: ObjectStorage;
  now: Date;
}): Promise<{ processed: number }> {
  const due = await ctx.db.transferOut.findMany(dueForReview(ctx.now));
  return forEachDue(
    due.map((d) => d.id),
    "automatic review of a 调出申请 failed",
    async (id) =>
      (
        await reviewTransferOut(
          ctx.db,
          ctx.storage,
          SYSTEM_CONTEXT,
          { type: "auto" },
          id,
          null,
          ctx.now,
        )
      ).ok,
  );
}
