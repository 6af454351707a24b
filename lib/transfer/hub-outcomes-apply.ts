import "server-only";
import { SYSTEM_CONTEXT } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import type { OnAnswerHandlers } from "@/lib/exchange/outbox";
import { logger } from "@/lib/log/logger";
import type { ObjectStorage } from "@/lib/storage/types";
import type { TransferExchange } from "./exchange-port";
import { applyHubStateIn, notifyInOutcome } from "./in-outcome";
import { importTransferredFile } from "./in-receive";
import { applyHubStateOut, notifyOutcome } from "./out-outcome";

// The exchange's word reaches a platform two ways — its notification (the notifications route)
// and its answer to our own message (the outbox delivery) — and both go through here: the state
// applied in the receiving transaction, then, after the commit, the SMS and (for a receipt) the
// import of the file. Both ways may carry the same word; applying it is idempotent.

/** What to do once the transaction has committed. */
export type AfterCommit = () => Promise<void>;

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
 * 接收) and to an event (the state the first outcome left). Effects are collected for after the
 * delivery's commit.
 */
export function platformAnswerHandlers(effects: Effects, after: AfterCommit[]): OnAnswerHandlers {
  return {
    "transfer.submit": async (tx, message, answer) => {
      after.push(
        await applyHubState(
          tx,
          effects,
          "origin",
          message.transferId!,
          answer.transfer.state,
          new Date(),
        ),
      );
    },
    "transfer.event": async (tx, message, answer) => {
      const side = message.body.event === "withdraw" ? "origin" : "destination";
      after.push(
        await applyHubState(tx, effects, side, message.transferId!, answer.state, new Date()),
      );
    },
  };
}
