import "server-only";
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log/logger";
import { uuidv7 } from "@/lib/utils/uuid";
import { describeFailure, type ExchangeResult } from "./client";
import { OUTBOX_KINDS, type OutboxKind } from "./messages";
import { retryDelayMs } from "./outbox-backoff";
import {
  type Composers,
  type OutboxMessageRef,
  type OutgoingMessage,
  prepare,
} from "./outbox-compose";
import { recipientRefusal, type OutboxRefusal } from "./outbox-refusal";

// The transactional outbox (issue 10: "delivery is at least once through a transactional outbox
// written in the same transaction as the state change"), on the hub and on every platform.
// A service enqueues in its own transaction; the delivery job sends what is due, signed, and
// marks it delivered on a 2xx answer, or tries again later (outbox-backoff.ts) — unless the
// recipient refused it for good (outbox-refusal.ts): then it is marked failed, kept for operators
// and never sent again. Receivers are idempotent on the message id (the row's id), so a message
// sent twice takes effect once. Bodies carrying personal data are composed at send time
// (outbox-compose.ts), so the row holds only a reference.
//
// Several instances may run the job at once: a message is claimed by one statement that picks it
// FOR UPDATE SKIP LOCKED and moves its nextAttemptAt a lease ahead, so no other deliverer sees it
// as due while it is on the wire — and none holds a transaction open across the network call
// (the embedded database runs one transaction at a time). A deliverer that dies mid-send leaves
// the message to be taken again once the lease has passed.
// Order: a message waits while an older one to the same recipient about the same transfer is
// undelivered (a withdrawal never overtakes its transfer's submission); and within one run, a
// recipient that did not answer at all is not tried again (no timeout per message while the hub
// is down).

/** Longer than any request's timeout (config.ts caps it at 120 s). */
const LEASE_MS = 5 * 60_000;
const DEFAULT_LIMIT = 200;

export type { Composers, ComposeResult, OutboxMessageRef, OutgoingMessage } from "./outbox-compose";
export type { OutboxRefusal } from "./outbox-refusal";

export interface OutboxEntry<K extends OutboxKind = OutboxKind> {
  /** "hub" on a platform; the member's code on the hub */
  recipient: string;
  kind: K;
  transferId?: string | null;
  /**
   * The message's body without messageId (messages.ts OUTBOX_KINDS[kind].body) — or, for a kind
   * with `stored`, the reference its composer builds the body from.
   */
  payload: Record<string, unknown>;
}

/**
 * Writes a message in the caller's transaction; returns its id (the message id the receiver
 * sees). What is stored is checked against the contract now (the body, or the reference of a
 * composed kind), so a malformed message is the caller's error at once rather than a delivery
 * failing for ever; a composed body is checked when it is built (outbox-compose.ts).
 */
export async function enqueue(tx: Tx, entry: OutboxEntry, now: Date = new Date()): Promise<string> {
  const route = OUTBOX_KINDS[entry.kind];
  // A route with the transfer in its path (transfer.event) cannot be sent without one.
  if (route.path.length > 0 && !entry.transferId) {
    throw new Error(`outbox: ${entry.kind} needs a transferId`);
  }
  const id = uuidv7(now.getTime());
  await tx.outboxMessage.create({
    data: {
      id,
      recipient: entry.recipient,
      kind: entry.kind,
      transferId: entry.transferId ?? null,
      payload: storedPayload(entry, id) as Prisma.InputJsonValue,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
  return id;
}

function storedPayload(entry: OutboxEntry, id: string): Record<string, unknown> {
  const route = OUTBOX_KINDS[entry.kind];
  if ("stored" in route) return route.stored.parse(entry.payload);
  const body: Record<string, unknown> = route.body.parse({ ...entry.payload, messageId: id });
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== "messageId"));
}

/** Sends one message, signed; the answer parsed with `message.answer` (client.ts). */
export type OutboxSend = (message: OutgoingMessage) => Promise<ExchangeResult<unknown>>;

/**
 * What a handler leaves for after its transaction has committed (an SMS, a file's import). The
 * outbox runs it only once the commit succeeded, and only that once: a handler never keeps
 * effects of its own, so an attempt that rolls back leaves nothing behind to run.
 */
export type AfterCommit = () => Promise<void>;

type AnswerOf<K extends OutboxKind> = z.infer<(typeof OUTBOX_KINDS)[K]["answer"]>;

/**
 * What a sender does with the answer to one kind of message (e.g. a platform applying the hub's
 * "refused: already_received" to its 调出申请), in the transaction that marks it delivered: both
 * happen or neither, and a message is marked delivered once, so the answer is applied once.
 * Throwing leaves the message undelivered, to be sent again.
 */
export type OnAnswerHandlers = {
  [K in OutboxKind]?: (
    tx: Tx,
    message: OutgoingMessage,
    answer: AnswerOf<K>,
  ) => Promise<AfterCommit | void>;
};

/**
 * What a sender does when one kind of message is refused for good (e.g. a platform ending the
 * 调出申请 the hub will not take), in the transaction that marks it failed, like onAnswer.
 */
export type OnRefusalHandlers = {
  [K in OutboxKind]?: (
    tx: Tx,
    message: OutboxMessageRef,
    refusal: OutboxRefusal,
  ) => Promise<AfterCommit | void>;
};

/** What the domain above hands the delivery (lib/transfer/jobs.ts on a platform). */
export interface DeliveryHooks {
  onAnswer?: OnAnswerHandlers;
  onRefusal?: OnRefusalHandlers;
  compose?: Composers;
}

export interface DeliverOptions extends DeliveryHooks {
  /** Messages tried in one run at most. */
  limit?: number;
  /** For tests of the jitter. */
  random?: () => number;
}

export interface DeliveryReport {
  /** messages tried */
  processed: number;
  delivered: number;
  /** to be tried again */
  failed: number;
  /** ended for good (failedAt) */
  refused: number;
}

type Outcome = "delivered" | "failed" | "refused";

interface ClaimedRow {
  id: string;
  recipient: string;
  kind: string;
  transferId: string | null;
  payload: unknown;
  attempts: number;
}

export async function deliverDue(
  db: Db,
  now: Date,
  send: OutboxSend,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { processed: 0, delivered: 0, failed: 0, refused: 0 };
  const unreachable = new Set<string>();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const started = Date.now();
  // A long run (a slow recipient, bodies read from storage) stops claiming well within a lease:
  // the next run carries on, and no message is claimed with a lease already running out.
  while (report.processed < limit && Date.now() - started < LEASE_MS / 2) {
    const row = await claimNext(db, now, [...unreachable]);
    if (!row) break;
    report.processed++;
    report[await deliverOne(db, row, now, send, options, unreachable)]++;
  }
  return report;
}

async function deliverOne(
  db: Db,
  row: ClaimedRow,
  now: Date,
  send: OutboxSend,
  options: DeliverOptions,
  unreachable: Set<string>,
): Promise<Outcome> {
  const retry = async (lastError: string): Promise<Outcome> => {
    await retryLater(db, row, now, lastError, options.random);
    return "failed";
  };
  if (!Object.hasOwn(OUTBOX_KINDS, row.kind)) return retry(`unknown kind ${row.kind}`);
  const ref: OutboxMessageRef = {
    id: row.id,
    recipient: row.recipient,
    kind: row.kind as OutboxKind,
    transferId: row.transferId,
    attempts: row.attempts,
    stored: row.payload as Record<string, unknown>,
  };
  const prepared = await prepare(db, ref, options.compose);
  if (prepared.kind === "retry") return retry(prepared.lastError);
  if (prepared.kind === "refused") {
    // Its body cannot be built any more (a file gone). Ended only if it was never claimed before:
    // a message that may have reached the recipient — its answer lost — cannot be taken back
    // here; it waits, and the warning of messages undelivered for a day brings an operator.
    if (row.attempts > 1) return retry(prepared.lastError);
    return (await markFailed(db, ref, prepared.refusal, prepared.lastError, now, options))
      ? "refused"
      : retry(`refusal not applied (${prepared.lastError})`);
  }
  const message = prepared.message;
  let result: ExchangeResult<unknown>;
  try {
    result = await send(message);
  } catch (error) {
    logger.error({ err: error, messageId: row.id, kind: row.kind }, "outbox send threw");
    result = { ok: false, kind: "network", message: "send failed" };
  }
  if (result.ok) {
    return (await markDelivered(db, message, result.data, now, options))
      ? "delivered"
      : retry("answer not applied");
  }
  const refusal = recipientRefusal(result);
  const lastError = describeFailure(result);
  if (refusal) {
    return (await markFailed(db, ref, refusal, `refused: ${lastError}`, now, options))
      ? "refused"
      : retry(`refusal not applied (${lastError})`);
  }
  if (result.kind === "network") unreachable.add(row.recipient);
  return retry(lastError);
}

/** Claims the next due message: one statement, so claiming needs no transaction of its own. */
async function claimNext(db: Db, now: Date, skip: string[]): Promise<ClaimedRow | undefined> {
  // From the moment of the claim (the run's `now` is its start), or from `now` when a run is
  // moved ahead in time (`npm run jobs -- --at`).
  const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + LEASE_MS);
  // A failed message no longer holds back the later ones of its transfer: they go, and their
  // recipient answers them as the transfer stands.
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET attempts = attempts + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE id = (
      SELECT c.id FROM "OutboxMessage" c
      WHERE c."deliveredAt" IS NULL AND c."failedAt" IS NULL AND c."nextAttemptAt" <= ${now}
        AND NOT (c.recipient = ANY(${skip}::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e.recipient = c.recipient AND e."transferId" = c."transferId"
            AND e."deliveredAt" IS NULL AND e."failedAt" IS NULL AND e.id < c.id)
      ORDER BY c."nextAttemptAt", c.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text, recipient, kind, "transferId"::text AS "transferId", payload, attempts`;
  return rows[0];
}

/** False when the answer could not be applied (the handler threw): the message stays due. */
function markDelivered(
  db: Db,
  message: OutgoingMessage,
  answer: unknown,
  now: Date,
  hooks: DeliveryHooks,
): Promise<boolean> {
  const handler = hooks.onAnswer?.[message.kind] as
    | ((tx: Tx, message: OutgoingMessage, answer: unknown) => Promise<AfterCommit | void>)
    | undefined;
  return settle(db, message, "outbox answer failed", async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "deliveredAt" = ${now}, "lastError" = NULL
      WHERE id = ${message.id}::uuid AND "deliveredAt" IS NULL AND "failedAt" IS NULL`;
    // Another deliverer whose lease ran out got there first: its answer was applied.
    return marked === 1 && handler ? handler(tx, message, answer) : undefined;
  });
}

/** Ends a message for good; false when its refusal could not be applied (then retried). */
async function markFailed(
  db: Db,
  ref: OutboxMessageRef,
  refusal: OutboxRefusal,
  lastError: string,
  now: Date,
  hooks: DeliveryHooks,
): Promise<boolean> {
  const handler = hooks.onRefusal?.[ref.kind];
  const ended = await settle(db, ref, "outbox refusal failed", async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "failedAt" = ${now}, "lastError" = ${lastError.slice(0, 500)}
      WHERE id = ${ref.id}::uuid AND "deliveredAt" IS NULL AND "failedAt" IS NULL`;
    return marked === 1 && handler ? handler(tx, ref, refusal) : undefined;
  });
  if (ended) {
    logger.warn(
      { messageId: ref.id, kind: ref.kind, recipient: ref.recipient, lastError },
      "outbox message refused for good, not retried",
    );
  }
  return ended;
}

/**
 * Runs `work` in a transaction, then — only if it committed — the effect it returned. False
 * when the transaction failed: whatever the attempt meant to do afterwards is dropped with it.
 */
async function settle(
  db: Db,
  ref: OutboxMessageRef,
  failure: string,
  work: (tx: Tx) => Promise<AfterCommit | void | undefined>,
): Promise<boolean> {
  let after: AfterCommit | void | undefined;
  try {
    after = await db.$transaction(work);
  } catch (error) {
    logger.error({ err: error, messageId: ref.id, kind: ref.kind }, failure);
    return false;
  }
  // Committed: the message is settled whatever its effect does (an SMS that fails is logged).
  if (after) {
    await after().catch((error: unknown) =>
      logger.error({ err: error, messageId: ref.id, kind: ref.kind }, "outbox after-commit failed"),
    );
  }
  return true;
}

async function retryLater(
  db: Db,
  row: ClaimedRow,
  now: Date,
  lastError: string,
  random: () => number = Math.random,
): Promise<void> {
  const next = new Date(now.getTime() + retryDelayMs(row.attempts, random()));
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${next}, "lastError" = ${lastError.slice(0, 500)}
    WHERE id = ${row.id}::uuid AND "deliveredAt" IS NULL AND "failedAt" IS NULL`;
  logger.warn(
    {
      messageId: row.id,
      kind: row.kind,
      recipient: row.recipient,
      attempts: row.attempts,
      lastError,
    },
    "outbox delivery failed, will retry",
  );
}
