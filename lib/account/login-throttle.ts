import type { Db, Tx } from "@/lib/db/client";
import { afterFailure, type LoginState } from "./lockout-rules";
import { securityConfig } from "./security-config";

/**
 * Wrong-password state per 证件号码 blind index. Keyed by the number, not the account, so an
 * unknown number gets exactly the answers a registered one gets (tries left, captcha, lock).
 */
export async function loginState(db: Db | Tx, idNumberIndex: string): Promise<LoginState> {
  const row = await db.loginThrottle.findUnique({ where: { idNumberIndex } });
  return { failedLogins: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

/**
 * Counts one more wrong password, atomically: the row is locked for the update, so parallel
 * guesses cannot overwrite each other's count (they would on a read-then-write).
 */
export async function recordLoginFailure(
  tx: Tx,
  idNumberIndex: string,
  now: Date,
): Promise<LoginState & { lockedNow: boolean }> {
  await tx.$executeRaw`INSERT INTO "LoginThrottle" ("idNumberIndex", "failures", "updatedAt")
    VALUES (${idNumberIndex}, 0, ${now}) ON CONFLICT ("idNumberIndex") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    SELECT "failures", "lockedUntil" FROM "LoginThrottle" WHERE "idNumberIndex" = ${idNumberIndex} FOR UPDATE`;
  const next = afterFailure(
    { failedLogins: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null },
    now,
    securityConfig(),
  );
  await tx.loginThrottle.update({
    where: { idNumberIndex },
    data: { failures: next.failedLogins, lockedUntil: next.lockedUntil, updatedAt: now },
  });
  return next;
}

/** A successful login or a password reset starts the count afresh. */
export async function clearLoginFailures(tx: Tx, idNumberIndex: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { idNumberIndex } });
}
