import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type CeThresholds, getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { completedYearsSql } from "./ce-year-total";
import { personSearchRow, type PersonSearchRow, type ProjectionSource } from "./projection-row";

// The console's search projection (PersonSearch) is written in the same transaction as every
// change it is derived from: registration, the collection draft's start, each archive version,
// the person's region and transfer state. A service calls refreshPersonSearch once its own writes
// are done, under the person's row lock (lib/person/locks.ts lockPersonRow) or right after
// creating the person, so no other transaction changes the person's inputs in between; the read
// here takes that lock too, which is what `npm run search:rebuild` waits on (projection-rebuild.ts).
// The row is recomputed whole from its sources, never patched: it cannot drift from them.

type SourceRow = ProjectionSource["person"] & {
  hasDraft: boolean;
  archiveNumber: string | null;
  archiveVersion: number | null;
  collectedAt: Date | null;
  snapshot: Prisma.JsonValue | null;
  versionFacts: unknown[] | null;
};

/**
 * The sources of the people `where` selects, in one round trip: the person, whether a draft
 * exists, the archive and its current version's snapshot. `lock` takes the people's row locks.
 */
export async function loadProjectionSources(
  tx: Tx,
  where: Prisma.Sql,
  { lock }: { lock: boolean },
): Promise<ProjectionSource[]> {
  const rows = await tx.$queryRaw<SourceRow[]>`
    SELECT p.id::text AS id, p.name, p."idType", p."idNumberIndex", p."idNumberMasked", p.gender,
      p."birthYear", p."regionCode", p."transferState", p."createdAt",
      d.id IS NOT NULL AS "hasDraft",
      a."archiveNumber", a."currentVersion" AS "archiveVersion", a."collectedAt", v.snapshot,
      (SELECT jsonb_agg(jsonb_build_object('professional', w.snapshot->'professional',
          'work', w.snapshot->'work'))
        FROM "ArchiveVersion" w WHERE w."archiveId" = a.id) AS "versionFacts"
    FROM "Person" p
    LEFT JOIN "CollectionDraft" d ON d."personId" = p.id
    LEFT JOIN "Archive" a ON a."personId" = p.id
    LEFT JOIN "ArchiveVersion" v ON v."archiveId" = a.id AND v.version = a."currentVersion"
    WHERE ${where}
    ${lock ? Prisma.sql`FOR NO KEY UPDATE OF p` : Prisma.empty}`;
  return rows.map(
    ({
      hasDraft,
      archiveNumber,
      archiveVersion,
      collectedAt,
      snapshot,
      versionFacts,
      ...person
    }) => ({
      person,
      hasDraft,
      archive:
        archiveNumber === null
          ? null
          : {
              archiveNumber,
              version: archiveVersion!,
              collectedAt: collectedAt!,
              snapshot,
              versionFacts: versionFacts ?? [],
            },
    }),
  );
}

// Every column (the type makes sure none is missing) with the type jsonb_to_recordset reads it
// as (a JSON array becomes text[]).
const COLUMN_TYPES: Record<keyof PersonSearchRow, string> = {
  personId: "uuid",
  regionCode: "text",
  name: "text",
  namePinyin: "text",
  nameInitials: "text",
  idNumberIndex: "text",
  idNumberMasked: "text",
  idType: "text",
  gender: "text",
  birthYear: "int",
  collectionStatus: "text",
  archiveNumber: "text",
  archiveVersion: "int",
  collectedAt: "timestamptz",
  employmentStatus: "text",
  educationLevel: "text",
  qualifications: "text[]",
  qualificationLevel: "text",
  highEndTalent: "boolean",
  transferState: "text",
  ceObligationStart: "int",
  registeredAt: "timestamptz",
  updatedAt: "timestamptz",
};
const COLUMNS = Object.entries(COLUMN_TYPES);
const quoted = (name: string) => `"${name}"`;
const COLUMN_LIST = Prisma.raw(COLUMNS.map(([c]) => quoted(c)).join(", "));
const RECORD_TYPE = Prisma.raw(COLUMNS.map(([c, t]) => `${quoted(c)} ${t}`).join(", "));
const UPDATE_SET = Prisma.raw(
  COLUMNS.filter(([c]) => c !== "personId")
    .map(([c]) => `${quoted(c)} = EXCLUDED.${quoted(c)}`)
    .join(", "),
);

/**
 * Upserts the rows in one statement, whatever their number; ceCompletedYears is read from
 * CeYearTotal here, as writeCeYearTotals keeps it.
 */
export async function writePersonSearchRows(
  tx: Tx,
  rows: readonly PersonSearchRow[],
  thresholds: CeThresholds = getCeThresholds(),
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PersonSearch" (${COLUMN_LIST}, "ceCompletedYears")
    SELECT ${COLUMN_LIST}, ${completedYearsSql(Prisma.sql`r."personId"`, thresholds)}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${RECORD_TYPE})
    ON CONFLICT ("personId") DO UPDATE SET ${UPDATE_SET},
      "ceCompletedYears" = EXCLUDED."ceCompletedYears"`;
}

/** Recomputes the person's PersonSearch row in the caller's transaction (two round trips). */
export async function refreshPersonSearch(
  tx: Tx,
  personId: string,
  now = new Date(),
): Promise<void> {
  const [source] = await loadProjectionSources(tx, Prisma.sql`p.id = ${personId}::uuid`, {
    lock: true,
  });
  if (!source) throw new Error("refreshPersonSearch: no such person");
  await writePersonSearchRows(tx, [personSearchRow(source, now)]);
}
