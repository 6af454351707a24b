import "server-only";
import type { Db } from "@/lib/db/client";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";

// The photos of a decided appeal (证件 both sides, the person holding it) are kept while a
// complaint about the decision is likely, then deleted: KUAIJI_APPEAL_PHOTO_RETENTION_DAYS after
// the decision (default 180). The appeal's row stays (the decision, its audit). Run by the job
// "appeal-draft-prune" after the drafts (prune-drafts.ts); rows here, the objects by the caller.

const BATCH = 500;

export function photoRetentionDays(): number {
  const n = Number(process.env.KUAIJI_APPEAL_PHOTO_RETENTION_DAYS ?? 180);
  return Number.isInteger(n) && n > 0 ? n : 180;
}

/** Deletes the photo rows of appeals decided before the retention; their storage keys. */
export async function purgeDecidedPhotos(
  db: Db,
  now: Date,
): Promise<{ appeals: number; keys: string[] }> {
  const cutoff = new Date(now.getTime() - photoRetentionDays() * 86_400_000);
  return db.$transaction(async (tx) => {
    // SKIP LOCKED: two instances running the job at once take different appeals.
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM "AccountAppeal"
      WHERE "decidedAt" <= ${cutoff} AND "photosPurgedAt" IS NULL
      ORDER BY "decidedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return { appeals: 0, keys: [] };
    const ids = due.map((d) => d.id);
    const photos = await tx.appealPhoto.findMany({
      where: { appealId: { in: ids } },
      select: { storageKey: true },
    });
    await tx.appealPhoto.deleteMany({ where: { appealId: { in: ids } } });
    await tx.accountAppeal.updateMany({
      where: { id: { in: ids } },
      data: { photosPurgedAt: now },
    });
    await writeAudit(tx, SYSTEM_CONTEXT, {
      actorType: "system",
      action: "appeal.prune",
      outcome: "success",
      details: {
        decidedAppeals: ids.length,
        photos: photos.length,
        retentionDays: photoRetentionDays(),
      },
    });
    return { appeals: ids.length, keys: photos.map((p) => p.storageKey) };
  });
}
