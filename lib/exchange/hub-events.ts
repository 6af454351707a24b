import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { isUuid } from "@/lib/utils/uuid";
import type { HubTransfer, HubTransferEvent } from "@/lib/db/generated/client";
import {
  HUB_EVENT_SENDER,
  HUB_TRANSFER_STATES,
  hubTransition,
  type HubRefusal,
} from "./hub-states";
import { hubFailure, NOT_PARTY, TRANSFER_NOT_FOUND, type HubResult } from "./hub-results";
import { lockTransfer, partyOf } from "./hub-transfer-row";
import { firstDelivery } from "./inbox";
import type { EventAnswer, TransferEvent } from "./messages";
import { enqueue } from "./outbox";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// POST transfers/{id}/events: withdraw (the origin), receive or reject (the destination).
// The transfer's row is locked first, so the events of one transfer are decided one at a time and
// the outcome recorded first wins (hub-states.ts). Every message a party sends leaves one
// HubTransferEvent row — applied, repeat or refused, and a redelivered message too — the hub's
// audit trail of the transfer. A message is applied once: its id goes into InboxMessage in the
// same transaction, and a redelivery is answered from the first row with that id, exactly as the
// first delivery was. An applied outcome notifies both parties (outbox, same transaction); a
// receipt moves the person's file to the destination in the registry (HubPersonFile).

const WRONG_SENDER = "wrong_sender";
const DUPLICATE = "duplicate_message";

export async function applyTransferEvent(
  db: Db,
  member: string,
  transferId: string,
  input: TransferEvent,
  now: Date = new Date(),
): Promise<HubResult<EventAnswer>> {
  if (!isUuid(transferId)) return TRANSFER_NOT_FOUND;
  return refusableTransaction<HubResult<EventAnswer>>(db, async (tx, refuse) => {
    const row = await lockTransfer(tx, transferId);
    if (!row) return refuse(TRANSFER_NOT_FOUND);
    const party = partyOf(row, member);
    if (!party) return refuse(NOT_PARTY);

    const record = (outcome: "applied" | "repeat" | "refused", state: string, reason?: string) =>
      tx.hubTransferEvent.create({
        data: {
          transferId,
          at: now,
          event: input.event,
          sender: member,
          messageId: input.messageId,
          outcome,
          state,
          reason: reason?.slice(0, 500) ?? null,
        },
      });

    const message = { id: input.messageId, sender: member, kind: "transfer.event" };
    if (!(await firstDelivery(tx, message, now))) {
      const first = await tx.hubTransferEvent.findFirst({
        where: { transferId, messageId: input.messageId },
        orderBy: { id: "asc" },
      });
      if (!first || first.sender !== member || first.event !== input.event) {
        return refuse(hubFailure("message_conflict", "该消息编号已用于其他消息"));
      }
      await record("repeat", row.state, DUPLICATE);
      return answerOf(first);
    }

    if (HUB_EVENT_SENDER[input.event] !== party) {
      // Recorded, not rolled back: the trail shows a party trying what is the other's to do.
      await record("refused", row.state, WRONG_SENDER);
      return wrongSender(input.event);
    }
    const state = codeTableSchema(HUB_TRANSFER_STATES).parse(row.state);
    const move = hubTransition(state, input.event);
    if (!move.ok) {
      await record("refused", state, move.reason);
      return {
        ok: true,
        data: { outcome: "refused", state, reason: move.reason, message: move.message },
      };
    }
    if (!move.changed) {
      await record("repeat", row.state);
      return { ok: true, data: { outcome: "repeat", state: move.state } };
    }

    await tx.hubTransfer.update({
      where: { id: transferId },
      data: { state: move.state, decidedAt: now },
    });
    await record("applied", move.state, input.event === "reject" ? input.reason : undefined);
    await notifyParties(tx, row, move.state, now);
    if (move.state === "received") {
      await tx.hubPersonFile.upsert({
        where: { personIndex: row.personIndex },
        create: {
          personIndex: row.personIndex,
          member: row.destMember,
          regionCode: row.destRegionCode,
        },
        update: { member: row.destMember, regionCode: row.destRegionCode, updatedAt: now },
      });
    }
    return { ok: true, data: { outcome: "applied", state: move.state } };
  });
}

async function notifyParties(tx: Tx, row: HubTransfer, state: string, now: Date) {
  const parties = [
    [row.originMember, "origin"],
    [row.destMember, "destination"],
  ] as const;
  for (const [recipient, role] of parties) {
    await enqueue(
      tx,
      {
        recipient,
        kind: "transfer.outcome",
        transferId: row.id,
        payload: { transferId: row.id, role, state, at: now.toISOString() },
      },
      now,
    );
  }
}

function wrongSender(event: TransferEvent["event"]): HubResult<EventAnswer> {
  const sender = HUB_EVENT_SENDER[event] === "origin" ? "调出地" : "调入地";
  return hubFailure("wrong_sender", `该操作只能由${sender}发起`);
}

/** The answer the first delivery of a message got, from its event row. */
function answerOf(first: HubTransferEvent): HubResult<EventAnswer> {
  if (first.outcome === "refused" && first.reason === WRONG_SENDER) {
    return wrongSender(first.event as TransferEvent["event"]);
  }
  const state = codeTableSchema(HUB_TRANSFER_STATES).parse(first.state);
  if (first.outcome === "refused") {
    // The refusal depends only on the state and the event, so it reads as the first time.
    const refusal = hubTransition(state, first.event as TransferEvent["event"]);
    return {
      ok: true,
      data: {
        outcome: "refused",
        state,
        reason: first.reason as HubRefusal,
        message: refusal.ok ? undefined : refusal.message,
      },
    };
  }
  return { ok: true, data: { outcome: first.outcome as "applied" | "repeat", state } };
}
