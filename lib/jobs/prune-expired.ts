import "server-only";
import { pruneExpiredAccountRows } from "@/lib/account/housekeeping";
import { pruneExchangeRows } from "@/lib/exchange/outbox-retention";
import { pruneStaffSignIns } from "@/lib/staff/sign-in-store";
import type { JobContext, JobResult } from "./types";

/**
 * Rows nobody can use any more: captchas, SMS codes, wrong-password counts and sessions (their
 * retention is lib/account's), staff sign-ins that never reached their session (lib/staff's),
 * and the exchange's delivered outbox messages, received message ids and request nonces
 * (lib/exchange/outbox-retention.ts says how long each must stay).
 */
export async function pruneExpired({ db, now }: JobContext): Promise<JobResult> {
  const account = await pruneExpiredAccountRows(db, now);
  const staffSignIns = await pruneStaffSignIns(db, now);
  const exchange = await pruneExchangeRows(db, now);
  const detail = { ...account, staffSignIns, ...exchange };
  return { processed: Object.values(detail).reduce((a, b) => a + b, 0), detail };
}
