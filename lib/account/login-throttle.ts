import type { Db, Tx } from "@/lib/db/client";
import type { LoginState } from "./lockout-rules";
import { securityConfig } from "./security-config";

/**
 * Wrong-password state per 证件号码 blind index. Keyed by the number, not the account, so an
 * unknown number gets exactly the answers a registered one gets (tries left, captcha, lock).
 */
export async function loginState(db: Db | Tx, idNumberIndex: string): Promise<LoginState> {
  const row = await db.loginThrottle.findUnique({ where: { idNumberIndex } });
  return { failedLogins: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

/** A successful login or a password reset starts the count afresh. */
export async function clearLoginFailures(tx: Tx, idNumberIndex: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { idNumberIndex } });
}

export type AttemptReservation =
  | { ok: true; failedLogins: number; lockedNow: boolean; lockedUntil: Date | null }
  | { ok: false; lockedUntil: Date };

/**
 * Counts an attempt as failed *before* it is checked, in one statement: parallel attempts queue
 * on the row, each sees the count the one before left, and none is admitted once the lock is set
 * — so however many arrive at once, at most `lockoutThreshold` are ever checked. The attempt that reaches the threshold sets the lock itself; one that
 * turns out right clears the count (clearLoginFailures) and with it the lock it had set.
 */
export async function reserveLoginAttempt(
  db: Db | Tx,
  key: string,
  now: Date,
): Promise<AttemptReservation> {
  const { lockoutThreshold, lockoutMinutes } = securityConfig();
  const until = new Date(now.getTime() + lockoutMinutes * 60_000);
  // An expired lock restarts the count at this attempt, so an old lock never makes the next
  // single mistake lock the account again.
  const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("idNumberIndex", "failures", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${1 >= lockoutThreshold ? until : null}::timestamptz, ${now})
    ON CONFLICT ("idNumberIndex") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lockedUntil" IS NULL
        THEN "LoginThrottle"."failures" + 1 ELSE 1 END,
      "lockedUntil" = CASE WHEN (CASE WHEN "LoginThrottle"."lockedUntil" IS NULL
        THEN "LoginThrottle"."failures" + 1 ELSE 1 END) >= ${lockoutThreshold}
        THEN ${until}::timestamptz ELSE NULL END,
      "updatedAt" = ${now}
    WHERE "LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= ${now}
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  if (!row) {
    const state = await loginState(db, key);
    return { ok: false, lockedUntil: state.lockedUntil ?? until };
  }
  return {
    ok: true,
    failedLogins: row.failures,
    lockedNow: row.lockedUntil !== null,
    lockedUntil: row.lockedUntil,
  };
}
