import "server-only";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import type {
  AfterCommit,
  OnAnswerHandlers,
  OnRefusalHandlers,
  OutboxMessageRef,
  OutboxRefusal,
} from "@/lib/exchange/outbox";
import { logger } from "@/lib/log/logger";
import type { ObjectStorage } from "@/lib/storage/types";
import type { TransferExchange } from "./exchange-port";
import { applyHubStateIn, notifyInOutcome } from "./in-outcome";
import { importTransferredFile } from "./in-receive";
import { applyHubStateOut, notifyOutcome } from "./out-outcome";
import { applyOutRefusal } from "./out-refused";

// The exchange's word reaches a platform two ways — its notification (the notifications route)
// and its answer to our own message (the outbox delivery) — and both go through here: the state
// applied in the receiving transaction, then, after the commit, the SMS and (for a receipt) the
// import of the file. Both ways may carry the same word; applying it is idempotent.

export type { AfterCommit };

export interface Effects {
  db: Db;
  storage: ObjectStorage;
  exchange: TransferExchange;
}

/** Applies the hub's state to whichever side of the transfer this platform is. */
export async function applyHubState(
  tx: Tx,
  effects: Effects,
  side: "origin" | "destination",
  transferId: string,
  state: HubTransferState,
  now: Date,
): Promise<AfterCommit> {
  if (side === "origin") {
    const applied = await applyHubStateOut(tx, SYSTEM_CONTEXT, transferId, state, now);
    if (!applied.ok)
      logger.warn({ transferId, state, reason: applied.reason }, "hub state not applied");
    return () => notifyOutcome(applied);
  }
  const applied = await applyHubStateIn(tx, SYSTEM_CONTEXT, transferId, state, now);
  if (!applied.ok)
    logger.warn({ transferId, state, reason: applied.reason }, "hub state not applied");
  return async () => {
    await notifyInOutcome(applied);
    if (applied.ok && applied.changed && applied.state === "received") {
      // Best effort now; the import job catches up when the exchange cannot send the file yet.
      await importTransferredFile(
        effects.db,
        effects.storage,
        effects.exchange,
        transferId,
        now,
      ).catch((error: unknown) =>
        logger.error(
          { transferId, err: { type: error instanceof Error ? error.name : typeof error } },
          "import of a received file failed",
        ),
      );
    }
  };
}

/**
 * The outbox's answer handlers on a platform: the hub's answer to a submission (its state, 待调入地
 * 接收) and to an event (the state the first outcome left). Each returns its effects, which the
 * outbox runs only once the delivery's transaction has committed (lib/exchange/outbox.ts).
 */
export function platformAnswerHandlers(effects: Effects): OnAnswerHandlers {
  return {
    "transfer.submit": (tx, message, answer) =>
      applyHubState(tx, effects, "origin", message.transferId!, answer.transfer.state, new Date()),
    "transfer.event": (tx, message, answer) => {
      const side = message.body.event === "withdraw" ? "origin" : "destination";
      return applyHubState(tx, effects, side, message.transferId!, answer.state, new Date());
    },
  };
}

/**
 * The outbox's refusal handlers on a platform (lib/exchange/outbox-refusal.ts): a refused
 * submission ends the 调出申请, a refused 撤回 takes it back to 审核通过 (out-refused.ts). A
 * refused receipt or rejection leaves the 调入申请 as it is — the exchange's state is the word on
 * the transfer and its notification still comes — and is audited for the staff of the region.
 */
export function platformRefusalHandlers(): OnRefusalHandlers {
  return {
    "transfer.submit": (tx, message, refusal) =>
      applyOutRefusal(tx, message.transferId!, "submitRefused", refusal, new Date()),
    "transfer.event": (tx, message, refusal) =>
      message.stored.event === "withdraw"
        ? applyOutRefusal(tx, message.transferId!, "withdrawRefused", refusal, new Date())
        : auditInRefusal(tx, message, refusal),
    "file.register": async (_tx, message, refusal) => {
      // The registry is a safeguard (file-registry.ts): the file stays valid here.
      logger.warn({ messageId: message.id, code: refusal.reason }, "file registration refused");
    },
  };
}

async function auditInRefusal(
  tx: Tx,
  message: OutboxMessageRef,
  refusal: OutboxRefusal,
): Promise<undefined> {
  const app = await tx.transferIn.findUnique({
    where: { id: message.transferId! },
    select: { regionCode: true, state: true },
  });
  logger.error(
    { transferId: message.transferId, event: message.stored.event, code: refusal.reason },
    "the exchange refused a 调入 event",
  );
  await writeAudit(tx, SYSTEM_CONTEXT, {
    actorType: "system",
    action: "transfer.in-refused",
    outcome: "failure",
    regionCode: app?.regionCode ?? null,
    targetType: "transfer-in",
    targetId: message.transferId ?? undefined,
    details: {
      event: String(message.stored.event),
      state: app?.state ?? null,
      code: refusal.reason,
    },
  });
  return undefined;
}
