import "server-only";
import { CE_RECORD_STATES, countsAsEarned, isInProgress } from "@/lib/codes/ce-record-state";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

// CeYearTotal: a person's 继续教育 credits of one year, summed from CeCredit in the same
// transaction as every credit change (lib/ce), as lib/ce/year-status.ts sums them: completed
// and recognised records are earned, in tenths of a credit by category (公需科目 PUBLIC, anything
// else 专业科目); enrolled and claimed ones are pending (在途未完成数据); rejected ones count for
// nothing. A year left without any record has no row, exactly as a rebuild would leave it.
// Callers hold the person's row lock (lib/ce/record-steps.ts lockPerson), which is what
// `npm run search:rebuild` waits on.

const EARNED = CE_RECORD_STATES.codes.filter(countsAsEarned);
const PENDING = CE_RECORD_STATES.codes.filter(isInProgress);
/** lib/ce/credit-kinds.ts CE_CATEGORIES (lib/search cannot import lib/ce, which writes through it). */
const PUBLIC = "PUBLIC";

/** Recomputes the totals of the (personId, year) pairs `keys` selects, in one statement. */
export async function writeCeYearTotals(tx: Tx, keys: Prisma.Sql, now: Date): Promise<void> {
  await tx.$executeRaw`
    WITH keys AS (${keys}),
    sums AS (
      SELECT k."personId", k.year,
        count(c.id)::int AS records,
        coalesce(sum(c.credits * 10) FILTER (
          WHERE c.state = ANY(${EARNED}::text[]) AND c.category = ${PUBLIC}), 0)::int AS pub,
        coalesce(sum(c.credits * 10) FILTER (
          WHERE c.state = ANY(${EARNED}::text[]) AND c.category <> ${PUBLIC}), 0)::int AS pro,
        count(c.id) FILTER (WHERE c.state = ANY(${PENDING}::text[]))::int AS pending
      FROM keys k
      LEFT JOIN "CeCredit" c ON c."personId" = k."personId" AND c.year = k.year
      GROUP BY k."personId", k.year
    ), emptied AS (
      DELETE FROM "CeYearTotal" t USING sums s
      WHERE t."personId" = s."personId" AND t.year = s.year AND s.records = 0
    )
    INSERT INTO "CeYearTotal" ("personId", year, "publicTenths", "professionalTenths", pending,
      "updatedAt")
    SELECT "personId", year, pub, pro, pending, ${now}::timestamptz FROM sums WHERE records > 0
    ON CONFLICT ("personId", year) DO UPDATE SET "publicTenths" = EXCLUDED."publicTenths",
      "professionalTenths" = EXCLUDED."professionalTenths", pending = EXCLUDED.pending,
      "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Recomputes the years of these credits (any number of people and years) in one statement. */
export async function refreshCeYearTotals(
  tx: Tx,
  credits: readonly { personId: string; year: number }[],
  now = new Date(),
): Promise<void> {
  if (credits.length === 0) return;
  await writeCeYearTotals(
    tx,
    Prisma.sql`SELECT DISTINCT * FROM unnest(${credits.map((c) => c.personId)}::uuid[],
      ${credits.map((c) => c.year)}::int[]) AS k("personId", year)`,
    now,
  );
}

/** Recomputes one person's year in the caller's transaction. */
export async function refreshCeYearTotal(
  tx: Tx,
  personId: string,
  year: number,
  now = new Date(),
): Promise<void> {
  await refreshCeYearTotals(tx, [{ personId, year }], now);
}
