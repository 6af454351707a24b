import "server-only";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/client";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import { lockPersonRow } from "@/lib/person/locks";
import { notifyPerson, type TransferNotice } from "./notify";
import { outEventForHub, outTransition, type OutTransferState } from "./out-states";
import { refreshPersonSearch } from "@/lib/search/projection";

// The exchange's word on a transfer that left this platform (全国平台处理状态): from its
// notification, or from its answer to our own 撤回. Applied idempotently — the same state heard
// twice changes nothing — so the outbox's at-least-once delivery and a notification racing the
// answer both end in one state. The hub's outcome ends the application: 已调出 (the person keeps
// read-only access: OUT_DONE), 已撤回 or 调入地不予接收 (the lock lifts; they may apply again).

const NOTICES: Partial<Record<OutTransferState, TransferNotice>> = {
  transferred: {
    status: "跨省调转已完成",
    detail: "调入地已接收您的档案，本平台的档案和调转记录仍可登录查看。",
  },
  withdrawn: { status: "调出申请已撤回", detail: "您可以继续在本平台办理各项业务。" },
  returned: {
    status: "调出申请未被调入地接收",
    detail: "档案仍在本平台，您可以登录查看并重新申请。",
  },
};

const PERSON_STATE: Partial<Record<OutTransferState, string | null>> = {
  transferred: "OUT_DONE",
  withdrawn: null,
  returned: null,
};

export type OutcomeApplied =
  | { ok: true; changed: boolean; state: OutTransferState; phone?: string }
  | { ok: false; reason: "not-found" | "conflict"; message: string };

/** In the caller's transaction (the inbox row or the delivered outbox row commits with it). */
export async function applyHubStateOut(
  tx: Tx,
  ctx: RequestContext,
  transferId: string,
  hubState: HubTransferState,
  now: Date,
): Promise<OutcomeApplied> {
  const app = await tx.transferOut.findUnique({
    where: { id: transferId },
    select: { personId: true, state: true, hubState: true, person: { select: { phone: true } } },
  });
  if (!app) return { ok: false, reason: "not-found", message: "没有找到该调出申请" };
  const person = await lockPersonRow(tx, app.personId);
  const current = await tx.transferOut.findUniqueOrThrow({
    where: { id: transferId },
    select: { state: true },
  });
  const event = outEventForHub(hubState);
  if (!event) {
    // still 待调入地接收: only the status line changes
    if (app.hubState !== hubState) {
      await tx.transferOut.update({ where: { id: transferId }, data: { hubState } });
    }
    return { ok: true, changed: false, state: current.state as OutTransferState };
  }
  const move = outTransition(current.state as OutTransferState, event);
  if (!move.ok) return { ok: false, reason: "conflict", message: move.message };
  if (!move.changed) return { ok: true, changed: false, state: move.state };
  await tx.transferOut.update({
    where: { id: transferId },
    data: { state: move.state, hubState, closedAt: now },
  });
  await tx.person.update({
    where: { id: app.personId },
    data: { transferState: PERSON_STATE[move.state] ?? null },
  });
  await refreshPersonSearch(tx, app.personId, now);
  await writeAudit(tx, ctx, {
    actorType: "system",
    action: "transfer.out-outcome",
    outcome: "success",
    regionCode: person?.regionCode ?? null,
    targetType: "transfer-out",
    targetId: transferId,
    details: { hubState, from: current.state, to: move.state },
  });
  return { ok: true, changed: true, state: move.state, phone: app.person.phone };
}

/** After the commit: the person hears of an outcome that changed their application. */
export async function notifyOutcome(applied: OutcomeApplied): Promise<void> {
  if (!applied.ok || !applied.changed || !applied.phone) return;
  const notice = NOTICES[applied.state];
  if (notice) await notifyPerson(applied.phone, notice);
}
