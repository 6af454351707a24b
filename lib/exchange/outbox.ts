import "server-only";
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log/logger";
import { uuidv7 } from "@/lib/utils/uuid";
import { describeFailure, type ExchangeResult, type HttpMethod } from "./client";
import { OUTBOX_KINDS, type OutboxKind } from "./messages";
import { retryDelayMs } from "./outbox-backoff";

// The transactional outbox (issue 10: "delivery is at least once through a transactional outbox
// written in the same transaction as the state change"), on the hub and on every platform.
// A service enqueues in its own transaction; the delivery job sends what is due, signed, and
// marks it delivered on a 2xx answer, or tries again later (outbox-backoff.ts). Receivers are
// idempotent on the message id (the row's id), so a message sent twice takes effect once.
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

export interface OutboxEntry<K extends OutboxKind = OutboxKind> {
  /** "hub" on a platform; the member's code on the hub */
  recipient: string;
  kind: K;
  transferId?: string | null;
  /** The message's body without messageId (messages.ts OUTBOX_KINDS[kind].body). */
  payload: Record<string, unknown>;
}

/**
 * Writes a message in the caller's transaction; returns its id (the message id the receiver
 * sees). The body is checked against the contract now, so a malformed message is the caller's
 * error at once rather than a delivery failing for ever.
 */
export async function enqueue(tx: Tx, entry: OutboxEntry, now: Date = new Date()): Promise<string> {
  const route = OUTBOX_KINDS[entry.kind];
  // A route with the transfer in its path (transfer.event) cannot be sent without one.
  if (route.path.length > 0 && !entry.transferId) {
    throw new Error(`outbox: ${entry.kind} needs a transferId`);
  }
  const id = uuidv7(now.getTime());
  const body: Record<string, unknown> = route.body.parse({
    ...entry.payload,
    messageId: id,
  });
  const payload = Object.fromEntries(Object.entries(body).filter(([k]) => k !== "messageId"));
  await tx.outboxMessage.create({
    data: {
      id,
      recipient: entry.recipient,
      kind: entry.kind,
      transferId: entry.transferId ?? null,
      payload: payload as Prisma.InputJsonValue,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
  return id;
}

/** A claimed message, ready to send: its route and signed body come from OUTBOX_KINDS. */
export interface OutgoingMessage {
  id: string;
  recipient: string;
  kind: OutboxKind;
  transferId: string | null;
  /** 1 on the first try */
  attempts: number;
  method: HttpMethod;
  path: string;
  /** payload + messageId */
  body: Record<string, unknown>;
  answer: z.ZodType;
}

/** Sends one message, signed; the answer parsed with `message.answer` (client.ts). */
export type OutboxSend = (message: OutgoingMessage) => Promise<ExchangeResult<unknown>>;

type AnswerOf<K extends OutboxKind> = z.infer<(typeof OUTBOX_KINDS)[K]["answer"]>;

/**
 * What a sender does with the answer to one kind of message (e.g. a platform applying the hub's
 * "refused: already_received" to its 调出申请), in the transaction that marks it delivered: both
 * happen or neither, and a message is marked delivered once, so the answer is applied once.
 * Throwing leaves the message undelivered, to be sent again.
 */
export type OnAnswerHandlers = {
  [K in OutboxKind]?: (tx: Tx, message: OutgoingMessage, answer: AnswerOf<K>) => Promise<void>;
};

export interface DeliverOptions {
  onAnswer?: OnAnswerHandlers;
  /** Messages tried in one run at most. */
  limit?: number;
  /** For tests of the jitter. */
  random?: () => number;
}

export interface DeliveryReport {
  /** messages tried */
  processed: number;
  delivered: number;
  failed: number;
}

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
  const report: DeliveryReport = { processed: 0, delivered: 0, failed: 0 };
  const unreachable = new Set<string>();
  const limit = options.limit ?? DEFAULT_LIMIT;
  while (report.processed < limit) {
    const row = await claimNext(db, now, [...unreachable]);
    if (!row) break;
    report.processed++;
    const message = outgoing(row);
    if (!message) {
      await retryLater(db, row, now, `unknown kind ${row.kind}`, options.random);
      report.failed++;
      continue;
    }
    let result: ExchangeResult<unknown>;
    try {
      result = await send(message);
    } catch (error) {
      logger.error({ err: error, messageId: row.id, kind: row.kind }, "outbox send threw");
      result = { ok: false, kind: "network", message: "send failed" };
    }
    if (!result.ok) {
      if (result.kind === "network") unreachable.add(row.recipient);
      await retryLater(db, row, now, describeFailure(result), options.random);
      report.failed++;
      continue;
    }
    if (await markDelivered(db, message, result.data, now, options.onAnswer)) report.delivered++;
    else {
      await retryLater(db, row, now, "answer not applied", options.random);
      report.failed++;
    }
  }
  return report;
}

/** Claims the next due message: one statement, so claiming needs no transaction of its own. */
async function claimNext(db: Db, now: Date, skip: string[]): Promise<ClaimedRow | undefined> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET attempts = attempts + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE id = (
      SELECT c.id FROM "OutboxMessage" c
      WHERE c."deliveredAt" IS NULL AND c."nextAttemptAt" <= ${now}
        AND NOT (c.recipient = ANY(${skip}::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e.recipient = c.recipient AND e."transferId" = c."transferId"
            AND e."deliveredAt" IS NULL AND e.id < c.id)
      ORDER BY c."nextAttemptAt", c.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text, recipient, kind, "transferId"::text AS "transferId", payload, attempts`;
  return rows[0];
}

function outgoing(row: ClaimedRow): OutgoingMessage | undefined {
  if (!Object.hasOwn(OUTBOX_KINDS, row.kind)) return undefined;
  const kind = row.kind as OutboxKind;
  const route = OUTBOX_KINDS[kind];
  return {
    id: row.id,
    recipient: row.recipient,
    kind,
    transferId: row.transferId,
    attempts: row.attempts,
    method: route.method,
    path: route.path(row.transferId ?? ""),
    body: { ...(row.payload as Record<string, unknown>), messageId: row.id },
    answer: route.answer,
  };
}

/** False when the answer could not be applied (the handler threw): the message stays due. */
async function markDelivered(
  db: Db,
  message: OutgoingMessage,
  answer: unknown,
  now: Date,
  handlers: OnAnswerHandlers = {},
): Promise<boolean> {
  const handler = handlers[message.kind] as
    ((tx: Tx, message: OutgoingMessage, answer: unknown) => Promise<void>) | undefined;
  try {
    await db.$transaction(async (tx) => {
      const marked = await tx.$executeRaw`
        UPDATE "OutboxMessage" SET "deliveredAt" = ${now}, "lastError" = NULL
        WHERE id = ${message.id}::uuid AND "deliveredAt" IS NULL`;
      // Another deliverer whose lease ran out got there first: its answer was applied.
      if (marked === 1 && handler) await handler(tx, message, answer);
    });
    return true;
  } catch (error) {
    logger.error({ err: error, messageId: message.id, kind: message.kind }, "outbox answer failed");
    return false;
  }
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
    WHERE id = ${row.id}::uuid AND "deliveredAt" IS NULL`;
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
