import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

// Counts per key in fixed windows, shared by every instance through the platform's own database
// (rate-limiter-flexible's RateLimiterPrisma: one atomic upsert per count, so parallel requests
// cannot all pass a check made before any of them was counted). Login attempts, captcha
// pictures, the day's SMS and each person's uploads are budgets of this kind.

export type BudgetAnswer = { ok: true } | { ok: false; retryAfterMs: number };

/** A budget of `points` per key every `duration` seconds. */
export function budget(db: Db, keyPrefix: string, points: number, duration: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix,
    points,
    duration,
    // expired rows go with the prune-expired job (lib/account/housekeeping.ts), not a timer
    clearExpiredByTimeout: false,
  });
}

/** Takes one from the key's budget: ok, or how long until its window ends. */
export async function take(limiter: RateLimiterPrisma, key: string): Promise<BudgetAnswer> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return { ok: false, retryAfterMs: refused.msBeforeNext };
    throw refused;
  }
}

/**
 * One back to each count named (`limiter.getKey(key)`), never below zero (the library's reward
 * would go negative and bank attempts for later) and never into a window that has ended.
 */
export async function giveBack(db: Db, keys: string[]): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimiterFlexible" SET "points" = "points" - 1
    WHERE "key" = ANY(${keys}) AND "points" > 0 AND ("expire" IS NULL OR "expire" > now())`;
}
