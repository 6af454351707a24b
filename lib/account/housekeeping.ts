import type { Db } from "@/lib/db/client";

const HOUR = 3_600_000;

/**
 * Deletes captchas and SMS codes nobody can use any more. SMS rows are kept two days because
 * the daily send limit counts them. Cheap and idempotent, so any instance may run it.
 */
export async function pruneExpiredChallenges(
  db: Db,
  now = new Date(),
): Promise<{ captchas: number; smsCodes: number }> {
  const captchas = await db.captcha.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - HOUR) } },
  });
  const smsCodes = await db.smsCode.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 48 * HOUR) } },
  });
  return { captchas: captchas.count, smsCodes: smsCodes.count };
}
