import "server-only";
import { CE_RECORD_STATES, countsAsEarned, isInProgress } from "@/lib/codes/ce-record-state";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type CeThresholds, getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";

// CeYearTotal: a person's 继续教育 credits of one year, summed from CeCredit in the same
// transaction as every credit change (lib/ce), as lib/ce/year-status.ts sums them: completed
// and recognised records are earned, in tenths of a credit by category (公需科目 PUBLIC, anything
// else 专业科目); enrolled and claimed ones are pending (在途未完成数据); rejected ones count for
// nothing. A year left without any record has no row, exactly as a rebuild would leave it.
// Callers hold the person's row lock (lib/ce/record-steps.ts lockPerson), which is what
// `npm run search:rebuild` waits on.
//
// PersonSearch.ceCompletedYears (the years whose totals meet the thresholds) is written in the
// same transaction, so that 人员查询 tests a year's 继续教育 as an array, not a probe per row. It
// follows the configured thresholds: after changing KUAIJI_CE_* run `npm run search:rebuild`.

const EARNED = CE_RECORD_STATES.codes.filter(countsAsEarned);
const PENDING = CE_RECORD_STATES.codes.filter(isInProgress);
/** lib/ce/credit-kinds.ts CE_CATEGORIES (lib/search cannot import lib/ce, which writes through it). */
const PUBLIC = "PUBLIC";

const tenths = (credits: number) => Math.round(credits * 10);

/**
 * A CeYearTotal row `c` meets the thresholds (lib/ce/year-status.ts requiredTenths, in SQL): the
 * total, 公需科目 and 专业科目 minimums, and under a share rule 专业科目 ≥ share × max(earned,
 * minimum), compared as integers (professional × denominator ≥ numerator × base) — no rounding.
 */
export function ceCompleteSql(t: CeThresholds): Prisma.Sql {
  const total = Math.max(tenths(t.minTotal), tenths(t.minPublic) + tenths(t.minProfessional));
  const earned = Prisma.sql`(c."publicTenths" + c."professionalTenths")`;
  const share = t.minProfessionalShare
    ? Prisma.sql`AND c."professionalTenths" * ${t.minProfessionalShare.denominator}
        >= ${t.minProfessionalShare.numerator} * GREATEST(${earned}, ${tenths(t.minTotal)})`
    : Prisma.empty;
  return Prisma.sql`${earned} >= ${total} AND c."publicTenths" >= ${tenths(t.minPublic)}
    AND c."professionalTenths" >= ${tenths(t.minProfessional)} ${share}`;
}

/** PersonSearch.ceCompletedYears of the person `personId` (an SQL expression), from CeYearTotal. */
export function completedYearsSql(personId: Prisma.Sql, t: CeThresholds): Prisma.Sql {
  return Prisma.sql`coalesce((SELECT array_agg(c.year::int ORDER BY c.year) FROM "CeYearTotal" c
    WHERE c."personId" = ${personId} AND ${ceCompleteSql(t)}), '{}')::int[]`;
}

/**
 * Rewrites ceCompletedYears of the people `people` (a SELECT of personId) where it changed. The
 * statement as text and values, so the bulk seed (node-postgres) runs the very same SQL.
 */
export function completedYearsUpdateSql(people: Prisma.Sql, t: CeThresholds): Prisma.Sql {
  const years = completedYearsSql(Prisma.sql`s."personId"`, t);
  return Prisma.sql`UPDATE "PersonSearch" s SET "ceCompletedYears" = ${years}
    WHERE s."personId" IN (${people}) AND s."ceCompletedYears" IS DISTINCT FROM ${years}`;
}

/** Recomputes the totals of the (personId, year) pairs `keys` selects, in one statement. */
export async function writeCeYearTotals(
  tx: Tx,
  keys: Prisma.Sql,
  now: Date,
  thresholds: CeThresholds = getCeThresholds(),
): Promise<void> {
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
  await tx.$executeRaw(
    completedYearsUpdateSql(Prisma.sql`SELECT k."personId" FROM (${keys}) k`, thresholds),
  );
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
