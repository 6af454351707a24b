import "server-only";
import type { Db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { ATTACHMENT_KEY_PREFIX } from "./storage-key";

// Objects under attachments/ that no Attachment row names. An upload stores its object before
// the row (so a row never names a missing file), and the orphan sweep deletes the row before the
// object; so a process that dies between the two — killed during an upload after the put, or
// during the sweep after its commit — leaves an object nothing can ever name. This finds them.
//
// A key carries the UTC month it was made in (lib/storage/key.ts), and its row, if any, commits
// within seconds of the put. So once a month has ended and the grace period has passed, every
// object of that month without a row is garbage, and no upload can still be on its way to naming
// it: a month is "settled". The sweep looks at the last SWEPT_MONTHS settled months, not the
// whole store: listing a bucket costs a request per thousand keys, and each object gets a month
// of daily runs to be seen.

export const SWEPT_MONTHS = 2;
/** Keys looked up in the database at once. */
const BATCH = 500;

/** The key prefixes (`attachments/2026/10/`) of the settled months the sweep looks at. */
export function settledMonthPrefixes(now: Date, graceMs: number): string[] {
  const cutoff = new Date(now.getTime() - graceMs);
  const prefixes: string[] = [];
  for (let back = 1; back <= SWEPT_MONTHS; back++) {
    // Months before the cutoff's own month have ended before the cutoff.
    const month = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() - back, 1));
    const mm = String(month.getUTCMonth() + 1).padStart(2, "0");
    prefixes.push(`${ATTACHMENT_KEY_PREFIX}/${month.getUTCFullYear()}/${mm}/`);
  }
  return prefixes;
}

/**
 * Deletes the objects of the settled months that no Attachment row names. Returns how many it
 * looked at, deleted, and failed to delete (left for the next run).
 */
export async function sweepUnreferencedObjects(
  db: Db,
  storage: ObjectStorage,
  now: Date,
  graceMs: number,
): Promise<{ checked: number; deleted: number; failedObjects: number }> {
  const totals = { checked: 0, deleted: 0, failedObjects: 0 };
  const settle = async (keys: string[]) => {
    const named = await db.attachment.findMany({
      where: { storageKey: { in: keys } },
      select: { storageKey: true },
    });
    const kept = new Set(named.map((n) => n.storageKey));
    for (const key of keys) {
      if (kept.has(key)) continue;
      await storage.delete(key).then(
        () => totals.deleted++,
        () => totals.failedObjects++,
      );
    }
    totals.checked += keys.length;
  };
  for (const prefix of settledMonthPrefixes(now, graceMs)) {
    let batch: string[] = [];
    for await (const key of storage.list(prefix)) {
      batch.push(key);
      if (batch.length >= BATCH) {
        await settle(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await settle(batch);
  }
  return totals;
}
