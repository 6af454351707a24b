import "server-only";
import type { Db } from "@/lib/db/client";
import { clientKeys } from "@/lib/account/client-network";
import { type BudgetAnswer, budget, take } from "@/lib/limits/budget";

// What one client may ask of 账号申诉, anonymous as it is: each appeal is a row, up to three photos
// (decoded, re-encoded, stored) and a reviewer's time. Counted in the database before the work
// (lib/limits/budget.ts), refusals included, so parallel requests cannot all pass one check.

/** Appeals begun per client address per day, and per 证件号码 per day. */
export const APPEAL_START_LIMIT = { perAddress: 10, perNumber: 5, windowSeconds: 86_400 } as const;
/** Photo uploads per appeal draft per hour: three photos and a few retakes. */
export const APPEAL_PHOTO_LIMIT = { count: 12, windowSeconds: 3_600 } as const;

export const APPEALS_TOO_FREQUENT = "申诉提交过于频繁，请明天再试";

/** One start from this address for this number: both budgets, the address's first. */
export async function takeStartBudget(
  db: Db,
  ip: string | null,
  idNumberIndex: string,
): Promise<BudgetAnswer> {
  const { perAddress, perNumber, windowSeconds } = APPEAL_START_LIMIT;
  const address = await take(
    budget(db, "appeal-start-ip", perAddress, windowSeconds),
    clientKeys(ip).address,
  );
  if (!address.ok) return address;
  return take(budget(db, "appeal-start-id", perNumber, windowSeconds), idNumberIndex);
}

/** One photo upload for this draft. */
export function takePhotoBudget(db: Db, appealId: string): Promise<BudgetAnswer> {
  const { count, windowSeconds } = APPEAL_PHOTO_LIMIT;
  return take(budget(db, "appeal-photo", count, windowSeconds), appealId);
}
