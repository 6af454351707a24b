import "server-only";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { enqueue } from "@/lib/exchange/outbox";
import { lockPersonRow } from "@/lib/person/locks";
import { outTransition, type OutTransferState } from "./out-states";
import { APPLICATION_NOT_FOUND, type TransferResult } from "./results";
import { refreshPersonSearch } from "@/lib/search/projection";

// 撤回 (用户操作手册 4.1: 审核通过，调入地未接收，可查看详情操作“撤回”). A 待审核 application has
// not left the platform: it ends at once and the lock lifts. An approved one is at the exchange,
// where the destination may receive it first: the platform asks the exchange (outbox, same
// transaction) and waits in 撤回中, still locked, for its verdict (out-outcome.ts).

export async function withdrawTransferOut(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  id: string,
  now = new Date(),
): Promise<TransferResult<{ state: OutTransferState }>> {
  const personId = session.personId;
  return refusableTransaction<TransferResult<{ state: OutTransferState }>>(
    db,
    async (tx, refuse) => {
      const person = await lockPersonRow(tx, personId);
      const app = await tx.transferOut.findFirst({
        where: { id, personId },
        select: { id: true, state: true },
      });
      if (!person || !app) {
        return refuse({ ok: false, reason: "not-found", message: APPLICATION_NOT_FOUND });
      }
      const move = outTransition(app.state as OutTransferState, "withdraw");
      if (!move.ok) return refuse({ ok: false, reason: "stale", message: move.message });
      if (!move.changed) return { ok: true as const, state: move.state };
      const ended = move.state === "withdrawn";
      await tx.transferOut.update({
        where: { id },
        data: { state: move.state, closedAt: ended ? now : null },
      });
      if (ended) {
        await tx.person.update({ where: { id: personId }, data: { transferState: null } });
        await refreshPersonSearch(tx, personId, now);
      } else {
        await enqueue(tx, {
          recipient: "hub",
          kind: "transfer.event",
          transferId: id,
          payload: { event: "withdraw" },
        });
      }
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "transfer.out-withdraw",
        outcome: "success",
        regionCode: person.regionCode,
        targetType: "transfer-out",
        targetId: id,
        details: { from: app.state, to: move.state },
      });
      return { ok: true as const, state: move.state };
    },
  );
}
