import "server-only";
import { pruneExpiredAccountRows } from "@/lib/account/housekeeping";
import { pruneExchangeRows } from "@/lib/exchange/outbox-retention";
import type { JobContext, JobResult } from "./types";

/**
 * Rows nobody can use any more: captchas, SMS codes, wrong-password counts and sessions (their
 * retention is lib/account's), and the exchange's delivered outbox messages, received message ids
 * and request nonces (lib/exchange/outbox-retention.ts says how long each must stay).
 */
export async function pruneExpired({ db, now }: JobContext): Promise<JobResult> {
  const account = await pruneExpiredAccountRows(db, now);
  const exchange = await pruneExchangeRows(db, now);
  const detail = { ...account, ...exchange };
  return { processed: Object.values(detail).reduce((a, b) => a + b, 0), detail };
}
