import "server-only";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/client";
import type { OutboxRefusal } from "@/lib/exchange/outbox-refusal";
import { logger } from "@/lib/log/logger";
import { lockPersonRow } from "@/lib/person/locks";
import { notifyPerson, type TransferNotice } from "./notify";
import { outTransition, type OutEvent, type OutTransferState } from "./out-states";
import { refreshPersonSearch } from "@/lib/search/projection";

// The exchange refused one of our 调出 messages for good (lib/exchange/outbox-refusal.ts), in
// the transaction that marks the message failed:
// - the submission (or its file could not be composed): the application ends as 全国平台未接收
//   with the reason, the lock lifts as after 调入地不予接收, and the person may apply again;
// - the 撤回: the transfer stays at the exchange as it was, so 撤回中 goes back to 审核通过 (the
//   person may try again, or the destination's decision ends it).
// Either is audited and, after the commit, told to the person by SMS.

/** What runs after the commit: the SMS. */
export type Notify = () => Promise<void>;

const NOTICES: Record<"refused" | "approved", TransferNotice> = {
  refused: {
    status: "调出申请未被全国平台接收",
    detail: "档案仍在本平台，请登录查看原因，可以重新申请。",
  },
  approved: {
    status: "撤回申请未被全国平台接受",
    detail: "调转仍在办理中，请登录查看。",
  },
};

const CJK = /[\u4e00-\u9fff]/;

/** The reason the person reads: the hub's own sentence when it gave one in Chinese. */
export function refusalReasonText(refusal: OutboxRefusal): string {
  const said = CJK.test(refusal.message) ? refusal.message : `请求未被接受（${refusal.reason}）`;
  const lead = refusal.status === null ? "未能报送全国平台" : "全国平台未接收";
  return `${lead}：${said}`.slice(0, 500);
}

/**
 * submitRefused: the submission (全国平台未接收); withdrawRefused: the 撤回 (back to 审核通过).
 * Returns the SMS to send once the caller's transaction has committed.
 */
export async function applyOutRefusal(
  tx: Tx,
  transferId: string,
  event: Extract<OutEvent, "submitRefused" | "withdrawRefused">,
  refusal: OutboxRefusal,
  now: Date,
): Promise<Notify | undefined> {
  const app = await tx.transferOut.findUnique({
    where: { id: transferId },
    select: { personId: true, person: { select: { phone: true } } },
  });
  if (!app) {
    logger.warn({ transferId, event }, "refused message for an unknown 调出申请");
    return undefined;
  }
  const person = await lockPersonRow(tx, app.personId);
  const { state } = await tx.transferOut.findUniqueOrThrow({
    where: { id: transferId },
    select: { state: true },
  });
  const move = outTransition(state as OutTransferState, event);
  if (!move.ok) {
    logger.warn({ transferId, event, reason: move.reason }, "exchange refusal not applied");
    return undefined;
  }
  if (!move.changed) return undefined;
  const ended = move.state === "refused";
  await tx.transferOut.update({
    where: { id: transferId },
    data: ended
      ? {
          state: move.state,
          hubState: null,
          refusalReason: refusalReasonText(refusal),
          closedAt: now,
        }
      : { state: move.state },
  });
  if (ended) {
    await tx.person.update({ where: { id: app.personId }, data: { transferState: null } });
    await refreshPersonSearch(tx, app.personId, now);
  }
  await writeAudit(tx, SYSTEM_CONTEXT, {
    actorType: "system",
    action: "transfer.out-refused",
    outcome: "success",
    regionCode: person?.regionCode ?? null,
    targetType: "transfer-out",
    targetId: transferId,
    details: { from: state, to: move.state, code: refusal.reason, status: refusal.status },
  });
  const notice = NOTICES[ended ? "refused" : "approved"];
  return () => notifyPerson(app.person.phone, notice);
}
