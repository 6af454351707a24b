import "server-only";
import type { Db } from "@/lib/db/client";
import { pruneNonces } from "./nonce-store";

// How long the exchange's bookkeeping rows are kept (the prune-expired job, lib/jobs):
//
// - A delivered OutboxMessage is never sent again: it is kept EXCHANGE_OUTBOX_RETENTION_DAYS
//   (default 30) for operators tracing a transfer, then deleted. Failed messages (failedAt) are
//   kept until an operator has looked at them: /api/ready counts them (outbox-health.ts).
// - An InboxMessage is what makes a receiver idempotent: a message id seen again is not applied
//   again. It must outlive every redelivery of that id. A sender resends a message only while it
//   is undelivered on its side — the answer to the delivery that we applied was lost, then the
//   sender (or the way to us) went down before its retry — and its outbox retries for as long
//   as the failure lasts (at least hourly once backed off, outbox-backoff.ts). So the window is
//   the longest outage a sender lives through with such a message, which /api/ready flags after
//   a day (outbox-health.ts). EXCHANGE_INBOX_RETENTION_DAYS (default 90) leaves operators three
//   months to mend one; it may not be set below the outbox's retention. Past it, a very late
//   repeat would reach services that are idempotent on their own anyway (a transfer's id, its
//   state machine), which is the second line, not the first.
// - ExchangeNonce rows go once their replay window has closed (expiresAt): a request carrying
//   one is refused by its timestamp anyway.
//
//   EXCHANGE_OUTBOX_RETENTION_DAYS   1–3650, default 30
//   EXCHANGE_INBOX_RETENTION_DAYS    ≥ the outbox's, ≤ 3650, default 90

const DAY = 24 * 3_600_000;
export const DEFAULT_OUTBOX_RETENTION_DAYS = 30;
export const DEFAULT_INBOX_RETENTION_DAYS = 90;

type Env = Readonly<Record<string, string | undefined>>;

export interface ExchangeRetention {
  outboxMs: number;
  inboxMs: number;
}

function days(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 3650) {
    throw new Error(
      `环境变量 ${name} 取值无效：应为 ${min}–3650 之间的天数 / ${name} must be ${min}–3650 days`,
    );
  }
  return n;
}

export function exchangeRetention(env: Env = process.env): ExchangeRetention {
  const outbox = days(env, "EXCHANGE_OUTBOX_RETENTION_DAYS", DEFAULT_OUTBOX_RETENTION_DAYS, 1);
  const inbox = days(
    env,
    "EXCHANGE_INBOX_RETENTION_DAYS",
    Math.max(DEFAULT_INBOX_RETENTION_DAYS, outbox),
    outbox,
  );
  return { outboxMs: outbox * DAY, inboxMs: inbox * DAY };
}

export interface PrunedExchangeRows {
  outboxMessages: number;
  inboxMessages: number;
  exchangeNonces: number;
}

/** Deletes what is past its retention at `now`; idempotent, any instance may run it. */
export async function pruneExchangeRows(
  db: Db,
  now: Date,
  retention: ExchangeRetention = exchangeRetention(),
): Promise<PrunedExchangeRows> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const outbox = await db.outboxMessage.deleteMany({
    where: { deliveredAt: { lt: before(retention.outboxMs) } },
  });
  const inbox = await db.inboxMessage.deleteMany({
    where: { receivedAt: { lt: before(retention.inboxMs) } },
  });
  return {
    outboxMessages: outbox.count,
    inboxMessages: inbox.count,
    exchangeNonces: await pruneNonces(db, now),
  };
}
