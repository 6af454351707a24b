import type { Db } from "@/lib/db/client";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long each kind of row is kept once nobody can use it (the prune-expired job). */
export const ACCOUNT_ROW_RETENTION = {
  /** Captchas: an hour past their 5-minute life. */
  captchaMs: HOUR,
  /** SMS codes: two days from sending, because the daily send limits count them. */
  smsCodeMs: 48 * HOUR,
  /** Sessions: a day past their absolute expiry (revoked and idle ones expire too). */
  sessionMs: DAY,
  /** Wrong-password counts (and expired locks) untouched this long are forgotten. */
  idleThrottleMs: 30 * DAY,
} as const;

export interface PrunedAccountRows {
  captchas: number;
  smsCodes: number;
  loginThrottles: number;
  clientLimits: number;
  sessions: number;
}

/**
 * Deletes captchas, SMS codes, wrong-password counts, ended windows of the per-client login
 * counts (lib/account/client-throttle.ts) and sessions nobody can use any more, as of
 * `now`. A wrong-password count is kept a month after its last failure, lock or no lock: while it
 * exists the next login asks for the captcha (password-login.ts), and forgetting it sooner would
 * hand a guesser captcha-free tries. Cheap and idempotent, so any instance may run it any time.
 */
export async function pruneExpiredAccountRows(db: Db, now: Date): Promise<PrunedAccountRows> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const r = ACCOUNT_ROW_RETENTION;
  const captchas = await db.captcha.deleteMany({
    where: { expiresAt: { lt: before(r.captchaMs) } },
  });
  const smsCodes = await db.smsCode.deleteMany({
    where: { createdAt: { lt: before(r.smsCodeMs) } },
  });
  const loginThrottles = await db.loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: before(r.idleThrottleMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
  const clientLimits = await db.rateLimiterFlexible.deleteMany({
    where: { expire: { lte: now } },
  });
  const sessions = await db.authSession.deleteMany({
    where: { expiresAt: { lt: before(r.sessionMs) } },
  });
  return {
    captchas: captchas.count,
    smsCodes: smsCodes.count,
    loginThrottles: loginThrottles.count,
    clientLimits: clientLimits.count,
    sessions: sessions.count,
  };
}
