import "server-only";
import { pruneExpiredAccountRows } from "@/lib/account/housekeeping";
import { pruneStaffSignIns } from "@/lib/staff/sign-in-store";
import type { JobContext, JobResult } from "./types";

/**
 * Rows nobody can use any more: captchas, SMS codes, wrong-password counts and sessions (their
 * retention is lib/account's), staff sign-ins that never reached their session (lib/staff's), and the nonces of signed exchange requests whose replay window has
 * closed (a request carrying one is refused by its timestamp anyway).
 */
export async function pruneExpired({ db, now }: JobContext): Promise<JobResult> {
  const account = await pruneExpiredAccountRows(db, now);
  const nonces = await db.exchangeNonce.deleteMany({ where: { expiresAt: { lt: now } } });
  const staffSignIns = await pruneStaffSignIns(db, now);
  const detail = { ...account, staffSignIns, exchangeNonces: nonces.count };
  return { processed: Object.values(detail).reduce((a, b) => a + b, 0), detail };
}
