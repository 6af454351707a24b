import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type CeThresholds, getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { ceCompleteSql, completedYearsUpdateSql, writeCeYearTotals } from "./ce-year-total";
import { loadProjectionSources, writePersonSearchRows } from "./projection";
import { personSearchRow } from "./projection-row";

// `npm run search:rebuild` (scripts/search-rebuild.ts), and the embedded start when the
// projection is empty but people exist (a data directory from before the projection): both
// tables recomputed from their sources, a batch of people at a time in id order (keyset), each
// batch one transaction. Idempotent: a row is recomputed whole, and a rebuild over true rows
// writes the same values.
//
// Safe beside a running platform: a batch first takes its people's row locks (FOR SHARE), then
// reads. A write that holds one of those rows (every service writes under the person's row
// lock) commits before the batch reads, or starts after the batch commits and writes its own
// row last — never a stale read written over a newer row.

export const REBUILD_BATCH_SIZE = 1000;

export interface RebuildProgress {
  people: number;
  batches: number;
}

export async function rebuildSearchProjection(
  db: Db,
  {
    batchSize = REBUILD_BATCH_SIZE,
    now = new Date(),
    onBatch,
  }: { batchSize?: number; now?: Date; onBatch?: (progress: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
  const progress: RebuildProgress = { people: 0, batches: 0 };
  let after: string | null = null;
  for (;;) {
    const last: string | null = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM "Person"
        ${after ? Prisma.sql`WHERE id > ${after}::uuid` : Prisma.empty}
        ORDER BY id LIMIT ${batchSize} FOR SHARE`;
      if (locked.length === 0) return null;
      const ids = locked.map((r) => r.id);
      const sources = await loadProjectionSources(tx, Prisma.sql`p.id = ANY(${ids}::uuid[])`, {
        lock: false,
      });
      const rows = sources.map((s) => {
        try {
          return personSearchRow(s, now);
        } catch (error) {
          // The id only: the snapshot is personal data.
          throw new Error(`person ${s.person.id}: current archive version unreadable`, {
            cause: error,
          });
        }
      });
      await writePersonSearchRows(tx, rows);
      // Every year with credits, and every year with a row (its credits may be gone).
      await writeCeYearTotals(
        tx,
        Prisma.sql`
          SELECT "personId", year FROM "CeCredit" WHERE "personId" = ANY(${ids}::uuid[])
          UNION SELECT "personId", year FROM "CeYearTotal" WHERE "personId" = ANY(${ids}::uuid[])`,
        now,
      );
      progress.people += ids.length;
      return ids.at(-1)!;
    });
    if (last === null) break;
    after = last;
    progress.batches += 1;
    onBatch?.(progress);
  }
  // Rows of people that no longer exist (none are deleted today; a rebuild leaves nothing behind).
  await db.$executeRaw`
    DELETE FROM "PersonSearch" s WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = s."personId")`;
  await db.$executeRaw`
    DELETE FROM "CeYearTotal" t WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = t."personId")`;
  return progress;
}

/**
 * PersonSearch.ceCompletedYears of everyone, recomputed from CeYearTotal under `thresholds`: what
 * a changed KUAIJI_CE_* or the migration that added the column needs, without recomputing the
 * rest of the projection. One statement per `batchSize` people in id order; only changed rows
 * are written. Returns the rows it changed.
 */
export async function rebuildCompletedYears(
  db: Db,
  { batchSize = 20_000, thresholds = getCeThresholds() } = {},
): Promise<number> {
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const rows: { id: string | null }[] = await db.$queryRaw`
      SELECT "personId"::text AS id FROM (SELECT "personId" FROM "PersonSearch"
        ${after ? Prisma.sql`WHERE "personId" > ${after}::uuid` : Prisma.empty}
        ORDER BY "personId" LIMIT ${batchSize}) b
      ORDER BY "personId" DESC LIMIT 1`;
    const last = rows[0]?.id;
    if (!last) return changed;
    changed += await db.$executeRaw(
      completedYearsUpdateSql(
        Prisma.sql`SELECT "personId" FROM "PersonSearch" WHERE "personId" <= ${last}::uuid
          ${after ? Prisma.sql`AND "personId" > ${after}::uuid` : Prisma.empty}`,
        thresholds,
      ),
    );
    after = last;
  }
}

/**
 * The embedded start's check (one cheap query when there is nothing to do): rebuilds when a
 * table of the projection is empty while its sources are not; recomputes ceCompletedYears when a
 * complete year is missing from it (the thresholds changed, or the column is new). Returns what
 * it did, or null.
 */
export async function rebuildSearchProjectionIfEmpty(
  db: Db,
  thresholds: CeThresholds = getCeThresholds(),
): Promise<RebuildProgress | null> {
  const [{ needed, stale }] = await db.$queryRaw<[{ needed: boolean; stale: boolean }]>`
    SELECT (NOT EXISTS (SELECT 1 FROM "PersonSearch") AND EXISTS (SELECT 1 FROM "Person"))
      OR (NOT EXISTS (SELECT 1 FROM "CeYearTotal") AND EXISTS (SELECT 1 FROM "CeCredit"))
      AS needed,
      EXISTS (SELECT 1 FROM "CeYearTotal" c JOIN "PersonSearch" s ON s."personId" = c."personId"
        WHERE (${ceCompleteSql(thresholds)}) <> (s."ceCompletedYears" @> ARRAY[c.year::int]))
      AS stale`;
  if (needed) return rebuildSearchProjection(db);
  if (stale) await rebuildCompletedYears(db, { thresholds });
  return null;
}
