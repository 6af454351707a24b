import "server-only";
import type { Db } from "@/lib/db/client";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import { getStorage } from "@/lib/storage/storage";
import type { ObjectStorage } from "@/lib/storage/types";
import { purgeDecidedPhotos } from "./prune-photos";

// Drafts nobody submitted (the appellant closed the page, or an attacker began many): worthless
// once their secret has expired, so the job "appeal-draft-prune" (lib/jobs/registry.ts) deletes
// them with their photos. Rows first, objects after, as the upload sweep does: a failed object
// delete leaves an unreachable object, never a row pointing at nothing. The same run deletes the
// photos of appeals decided longer ago than their retention (prune-photos.ts).

/** What a job receives (lib/jobs/types.ts JobContext, of which this needs only two). */
interface JobContext {
  db: Db;
  now: Date;
}

const BATCH = 500;

export function pruneAppealDraftsIn(storage: () => ObjectStorage) {
  return async ({ db, now }: JobContext) => {
    const removed = await db.$transaction(async (tx) => {
      // SKIP LOCKED: two instances running the job at once take different drafts.
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM "AccountAppeal"
        WHERE state = 'draft' AND "draftExpiresAt" <= ${now}
        ORDER BY "draftExpiresAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return { drafts: 0, keys: [] as string[] };
      const ids = due.map((d) => d.id);
      const photos = await tx.appealPhoto.findMany({
        where: { appealId: { in: ids } },
        select: { storageKey: true },
      });
      const deleted = await tx.accountAppeal.deleteMany({
        where: { id: { in: ids }, state: "draft" },
      });
      await writeAudit(tx, SYSTEM_CONTEXT, {
        actorType: "system",
        action: "appeal.prune",
        outcome: "success",
        details: { drafts: deleted.count, photos: photos.length },
      });
      return { drafts: deleted.count, keys: photos.map((p) => p.storageKey) };
    });
    const purged = await purgeDecidedPhotos(db, now);
    let failedObjects = 0;
    for (const key of [...removed.keys, ...purged.keys]) {
      await storage()
        .delete(key)
        .catch(() => {
          failedObjects++;
        });
    }
    return {
      processed: removed.drafts + purged.appeals,
      detail: {
        drafts: removed.drafts,
        photos: removed.keys.length,
        decidedAppeals: purged.appeals,
        decidedPhotos: purged.keys.length,
        failedObjects,
      },
    };
  };
}

export const pruneAppealDrafts = pruneAppealDraftsIn(getStorage);
