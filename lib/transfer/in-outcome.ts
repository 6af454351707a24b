import "server-only";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/client";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import { notifyPerson } from "./notify";
import { inEventForHub, inTransition, type InTransferState } from "./in-states";

// The exchange's word on a transfer to this platform: 已接收 (our receipt won — the file is
// imported next, in-receive.ts) or 已撤回 (the origin withdrew first: the 调入申请 is cancelled).
// Idempotent, like the sending side (out-outcome.ts).

export type InOutcomeApplied =
  | { ok: true; changed: boolean; state: InTransferState; phone?: string }
  | { ok: false; reason: "not-found" | "conflict"; message: string };

export async function applyHubStateIn(
  tx: Tx,
  ctx: RequestContext,
  transferId: string,
  hubState: HubTransferState,
  now: Date,
): Promise<InOutcomeApplied> {
  const rows = await tx.$queryRaw<{ state: string; regionCode: string; personId: string }[]>`
    SELECT state, "regionCode", "personId"::text AS "personId" FROM "TransferIn"
    WHERE id = ${transferId}::uuid FOR UPDATE`;
  const app = rows[0];
  if (!app) return { ok: false, reason: "not-found", message: "没有找到该调入申请" };
  const event = inEventForHub(hubState);
  if (!event) return { ok: true, changed: false, state: app.state as InTransferState };
  const move = inTransition(app.state as InTransferState, event);
  if (!move.ok) return { ok: false, reason: "conflict", message: move.message };
  if (!move.changed) return { ok: true, changed: false, state: move.state };
  await tx.transferIn.update({
    where: { id: transferId },
    data: { state: move.state, closedAt: now },
  });
  await writeAudit(tx, ctx, {
    actorType: "system",
    action: "transfer.in-outcome",
    outcome: "success",
    regionCode: app.regionCode,
    targetType: "transfer-in",
    targetId: transferId,
    details: { hubState, from: app.state, to: move.state },
  });
  const person = await tx.person.findUniqueOrThrow({
    where: { id: app.personId },
    select: { phone: true },
  });
  return { ok: true, changed: true, state: move.state, phone: person.phone };
}

/** After the commit. A receipt is announced by the import, once the file is here. */
export async function notifyInOutcome(applied: InOutcomeApplied): Promise<void> {
  if (!applied.ok || !applied.changed || !applied.phone) return;
  if (applied.state === "cancelled") {
    await notifyPerson(applied.phone, {
      status: "调入申请已取消",
      detail: "调出地已撤回该调转，您的档案仍在调出地。",
    });
  }
}
