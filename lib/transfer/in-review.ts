import "server-only";
import { type RequestContext, SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { enqueue } from "@/lib/exchange/outbox";
import { isJurisdictionLeaf } from "@/lib/region/divisions";
import { forEachDue } from "./due";
import { notifyPerson } from "./notify";
import { inTransition, type InTransferState } from "./in-states";
import type { TransferResult } from "./results";
import {
  dueForReview,
  reviewable,
  reviewAudit,
  reviewedFields,
  type TransferReviewer,
  type WantedDecision,
} from "./reviewer";

// 审核 of a 调入申请 (用户操作手册 4.2: 系统1-2个工作日自动完成审核), or earlier by staff of the
// destination county (role transfer-review). 审核通过 tells the exchange this platform receives
// the file; 审核不通过 tells it the file is not received (调入地不予接收) — both through the outbox,
// in the decision's transaction. The person gets nothing here until the exchange confirms the
// receipt (in-outcome.ts): the origin may have withdrawn first.

export const IN_ALREADY_REVIEWED = "该调入申请已审核，不能重复审核";
export const IN_AUTO_APPROVED = "系统自动审核通过";
export const IN_REGION_GONE = "调入地已不是本平台辖区内的有效区县";

export async function reviewTransferIn(
  db: Db,
  ctx: RequestContext,
  reviewer: TransferReviewer,
  id: string,
  wanted: WantedDecision | null,
  now = new Date(),
): Promise<TransferResult<{ state: InTransferState }>> {
  const access = await reviewable(reviewer, () =>
    db.transferIn.findUnique({
      where: { id },
      select: {
        regionCode: true,
        state: true,
        personId: true,
        person: { select: { phone: true } },
      },
    }),
  );
  if (!access.ok) return access;
  const { app } = access;
  const decision =
    wanted ??
    (isJurisdictionLeaf(app.regionCode)
      ? { decision: "approve" as const, reason: IN_AUTO_APPROVED }
      : { decision: "reject" as const, reason: IN_REGION_GONE });

  const result = await refusableTransaction<TransferResult<{ state: InTransferState }>>(
    db,
    async (tx, refuse) => {
      const rows = await tx.$queryRaw<{ state: string }[]>`
        SELECT state FROM "TransferIn" WHERE id = ${id}::uuid FOR UPDATE`;
      const move = inTransition(rows[0]!.state as InTransferState, decision.decision);
      if (!move.ok || !move.changed) {
        return refuse({ ok: false, reason: "stale", message: IN_ALREADY_REVIEWED });
      }
      await tx.transferIn.update({
        where: { id },
        data: reviewedFields(move.state, reviewer, decision.reason, now),
      });
      await enqueue(tx, {
        recipient: "hub",
        kind: "transfer.event",
        transferId: id,
        payload:
          decision.decision === "approve"
            ? { event: "receive" }
            : { event: "reject", reason: decision.reason },
      });
      await writeAudit(tx, ctx, {
        ...reviewAudit(reviewer, move.state),
        action: "transfer.in-review",
        regionCode: app.regionCode,
        targetType: "transfer-in",
        targetId: id,
      });
      return { ok: true as const, state: move.state };
    },
  );
  if (result.ok && result.state === "rejected") {
    await notifyPerson(app.person.phone, {
      status: "调入申请审核不通过",
      detail: "您的档案仍在调出地，请登录本平台查看原因，或与调入地财政部门联系。",
    });
  }
  return result;
}

/** The job: every 调入申请 whose automatic review is due at `now`. */
export async function reviewDueIn(ctx: { db: Db; now: Date }): Promise<{ processed: number }> {
  const due = await ctx.db.transferIn.findMany(dueForReview(ctx.now));
  return forEachDue(
    due.map((d) => d.id),
    "automatic review of a 调入申请 failed",
    async (id) =>
      (await reviewTransferIn(ctx.db, SYSTEM_CONTEXT, { type: "auto" }, id, null, ctx.now)).ok,
  );
}
