import "server-only";
import type { Db } from "@/lib/db/client";
import { clientKeys } from "@/lib/account/client-network";
import { type BudgetAnswer, budget, take } from "@/lib/limits/budget";

// What one client may ask of 账号申诉, anonymous as it is: each appeal is a row, up to three photos
// (decoded, re-encoded, stored) and a reviewer's time. Counted in the database before the work
// (lib/limits/budget.ts), refusals included, so parallel requests cannot all pass one check.

/** Appeals begun per client address per day, and per 证件号码 per day (proven phones only). */
export const APPEAL_START_LIMIT = { perAddress: 10, perNumber: 5, windowSeconds: 86_400 } as const;
/** Photo uploads per appeal draft per hour: three photos and a few retakes. */
export const APPEAL_PHOTO_LIMIT = { count: 12, windowSeconds: 3_600 } as const;

export const APPEALS_TOO_FREQUENT = "申诉提交过于频繁，请明天再试";

/**
 * One start from this address, taken before the SMS code is checked: guessing codes and pumping
 * drafts cost the same budget.
 */
export function takeStartAddressBudget(db: Db, ip: string | null): Promise<BudgetAnswer> {
  const { perAddress, windowSeconds } = APPEAL_START_LIMIT;
  return take(budget(db, "appeal-start-ip", perAddress, windowSeconds), clientKeys(ip).address);
}

/**
 * One start for this number, taken only once the phone is proven: junk codes must not spend the
 * number's budget, or anyone could block the owner's appeal for a day without any phone.
 */
export function takeStartNumberBudget(db: Db, idNumberIndex: string): Promise<BudgetAnswer> {
  const { perNumber, windowSeconds } = APPEAL_START_LIMIT;
  return take(budget(db, "appeal-start-id", perNumber, windowSeconds), idNumberIndex);
}

/** One photo upload for this draft. */
export function takePhotoBudget(db: Db, appealId: string): Promise<BudgetAnswer> {
  const { count, windowSeconds } = APPEAL_PHOTO_LIMIT;
  return take(budget(db, "appeal-photo", count, windowSeconds), appealId);
}
