import "server-only";
import { auditInsertSql, type RequestContext } from "@/lib/audit/audit";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { ceRecordsFromYear } from "@/lib/jurisdiction/ce-records";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Refusal } from "@/lib/db/refusal";
import { regionScopePrefix } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { beijingDayStart, beijingToday } from "@/lib/time/beijing";
import {
  AGE_BANDS,
  AGE_UNKNOWN,
  ceDimension,
  ceRequirement,
  ceYears,
  type CeRequirement,
  NONE,
} from "./dimensions";

// RegionStat from the source tables (issue 11, 统计分析 at 2 million people): one set-based
// statement per dimension (GROUP BY regionCode, bucket), all of them in one transaction that first
// empties the table, so a reader sees the old counts or the new ones, never half; one snapshot
// (REPEATABLE READ) so every chart counts the same people. Run by the "region-stats" job when the
// counts are older than KUAIJI_STATS_INTERVAL_MINUTES, and by 立即更新 (province staff, at most once
// a minute, audited). A transaction advisory lock keeps two runs (two instances, a click during
// the job) from replacing the rows at once: the second one simply skips.

const LOCK_KEY = "kuaiji:region-stat";
/** 2 million people take seconds per dimension on PostgreSQL; the client's 15 s is too short. */
const RECOMPUTE_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_INTERVAL_MINUTES = 10;
const ON_DEMAND_MIN_INTERVAL_MS = 60_000;

export const STATS_FRESH = "统计数据1分钟内刚更新过，请稍后再试";
export const STATS_BUSY = "统计数据正在更新，请稍后刷新页面";
export const STATS_PROVINCE_ONLY = "只有省级财政部门可以立即更新统计数据";

type Env = Record<string, string | undefined>;

/** KUAIJI_STATS_INTERVAL_MINUTES: how old the counts may grow before the job recomputes them. */
export function statsIntervalMinutes(env: Env = process.env): number {
  const raw = env.KUAIJI_STATS_INTERVAL_MINUTES?.trim();
  if (!raw) return DEFAULT_INTERVAL_MINUTES;
  const minutes = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || minutes < 1 || minutes > 1440) {
    throw new Error(`KUAIJI_STATS_INTERVAL_MINUTES 应为1至1440之间的整数（分钟）：${raw}`);
  }
  return minutes;
}

/** The Beijing month of an instant; formatted "YYYY-MM" only once grouped (twice as fast). */
const month = (column: Prisma.Sql) =>
  Prisma.sql`date_trunc('month', ${column} AT TIME ZONE 'Asia/Shanghai')`;
const MONTH_TEXT = Prisma.sql`to_char(bucket, 'YYYY-MM')`;

function ageBandSql(currentYear: number): Prisma.Sql {
  const bands = AGE_BANDS.map((b) =>
    b.maxAge === null
      ? Prisma.sql`ELSE ${b.code}`
      : Prisma.sql`WHEN ${currentYear}::int - "birthYear" <= ${b.maxAge}::int THEN ${b.code}`,
  );
  return Prisma.sql`CASE WHEN "birthYear" IS NULL THEN ${AGE_UNKNOWN} ${Prisma.join(bands, " ")} END`;
}

/**
 * ceBucket (dimensions.ts; the integration test compares the two) in SQL, over a LEFT JOIN of
 * CeYearTotal `c` (no row: no credits); `beforeRecords`: 无记录 instead of 未完成.
 */
function ceBucketSql(r: CeRequirement, beforeRecords: boolean): Prisma.Sql {
  const pub = Prisma.sql`COALESCE(c."publicTenths", 0)`;
  const pro = Prisma.sql`COALESCE(c."professionalTenths", 0)`;
  return Prisma.sql`CASE
    WHEN ${pub} + ${pro} >= ${r.minTotal}::int AND ${pub} >= ${r.minPublic}::int
      AND ${pro} >= ${r.minProfessional}::int
      AND ${pro} * ${r.shareDenominator}::int
        >= ${r.shareNumerator}::int * GREATEST(${pub} + ${pro}, ${r.shareBase}::int)
      THEN 'COMPLETE'
    WHEN COALESCE(c.pending, 0) > 0 THEN 'PENDING'
    ELSE ${beforeRecords ? "NO_RECORD" : "INCOMPLETE"}::text END`;
}
const COLLECTED = Prisma.sql`"collectionStatus" = 'collected'`;

/** The INSERT … SELECT … GROUP BY of every dimension at `now`. */
function dimensionStatements(now: Date, r: CeRequirement, recordsFromYear: number): Prisma.Sql[] {
  const year = Number(beijingToday(now).slice(0, 4));
  const insert = (dimension: string, select: Prisma.Sql, text = Prisma.sql`bucket`) => Prisma.sql`
    INSERT INTO "RegionStat" ("dimension", "regionCode", "bucket", "count", "computedAt")
    SELECT ${dimension}, "regionCode", ${text}, count(*)::int, ${now}::timestamptz
    FROM (${select}) AS rows GROUP BY "regionCode", bucket`;
  const people = (
    dimension: string,
    bucket: Prisma.Sql,
    where: Prisma.Sql = Prisma.sql`TRUE`,
    text?: Prisma.Sql,
  ) =>
    insert(
      dimension,
      Prisma.sql`SELECT "regionCode", ${bucket} AS bucket FROM "PersonSearch" WHERE ${where}`,
      text,
    );
  return [
    people("collection-status", Prisma.sql`"collectionStatus"`),
    people("employment-status", Prisma.sql`COALESCE("employmentStatus", ${NONE})`, COLLECTED),
    people("qualification-level", Prisma.sql`COALESCE("qualificationLevel", ${NONE})`, COLLECTED),
    // One row per type a person holds (a 会计师 who is also a 经济师 counts in both).
    insert(
      "qualification-type",
      Prisma.sql`SELECT p."regionCode", t.bucket FROM "PersonSearch" p
        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p."qualifications") = 0
          THEN ARRAY[${NONE}::text]
          ELSE ARRAY(SELECT DISTINCT split_part(q, ':', 1) FROM unnest(p."qualifications") q)
        END) AS t(bucket)
        WHERE p.${COLLECTED}`,
    ),
    people("education-level", Prisma.sql`COALESCE("educationLevel", ${NONE})`, COLLECTED),
    people("age-band", ageBandSql(year)),
    people(
      "high-end-talent",
      Prisma.sql`CASE WHEN "highEndTalent" THEN 'YES' ELSE 'NO' END`,
      COLLECTED,
    ),
    people(
      "collected-month",
      month(Prisma.sql`"collectedAt"`),
      Prisma.sql`${COLLECTED} AND "collectedAt" IS NOT NULL`,
      MONTH_TEXT,
    ),
    // A year counts the collected people registered by its end (nobody owes a year before).
    ...ceYears(year).map((y) =>
      insert(
        ceDimension(y),
        Prisma.sql`SELECT p."regionCode", ${ceBucketSql(r, y < recordsFromYear)} AS bucket
          FROM "PersonSearch" p
          LEFT JOIN "CeYearTotal" c ON c."personId" = p."personId" AND c."year" = ${y}::int
          WHERE p.${COLLECTED} AND p."registeredAt" < ${beijingDayStart(`${y + 1}-01-01`)}`,
      ),
    ),
    // Transfers that happened: 已调出 / 已接收, in the month the exchange's outcome arrived.
    insert(
      "transfer-out-month",
      Prisma.sql`SELECT "regionCode", ${month(Prisma.sql`"closedAt"`)} AS bucket
        FROM "TransferOut" WHERE "state" = 'transferred' AND "closedAt" IS NOT NULL`,
      MONTH_TEXT,
    ),
    insert(
      "transfer-in-month",
      Prisma.sql`SELECT "regionCode", ${month(Prisma.sql`"closedAt"`)} AS bucket
        FROM "TransferIn" WHERE "state" = 'received' AND "closedAt" IS NOT NULL`,
      MONTH_TEXT,
    ),
  ];
}

export type RecomputeOutcome =
  | { ok: true; rows: number; computedAt: Date }
  | { ok: false; reason: "busy" | "fresh"; computedAt: Date | null };

async function lastComputedAt(tx: Tx | Db): Promise<Date | null> {
  const r = await tx.regionStat.aggregate({ _max: { computedAt: true } });
  return r._max.computedAt;
}

/**
 * Replaces every RegionStat row as of `now`, unless another run holds the lock ("busy") or the
 * counts are younger than `freshForMs` ("fresh").
 */
async function replaceRegionStats(
  db: Db,
  now: Date,
  freshForMs: number,
): Promise<RecomputeOutcome> {
  const statements = dimensionStatements(
    now,
    ceRequirement(getCeThresholds()),
    ceRecordsFromYear(),
  );
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_KEY})) AS locked`;
      const last = await lastComputedAt(tx);
      if (!lock?.locked) return { ok: false, reason: "busy", computedAt: last };
      // Counts stamped after `now` (a run `--at` an earlier time) never hold a run back.
      if (last && last <= now && now.getTime() - last.getTime() < freshForMs) {
        return { ok: false, reason: "fresh", computedAt: last };
      }
      await tx.$executeRaw`DELETE FROM "RegionStat"`;
      let rows = 0;
      for (const statement of statements) rows += await tx.$executeRaw(statement);
      return { ok: true, rows, computedAt: now };
    },
    {
      timeout: RECOMPUTE_TIMEOUT_MS,
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    },
  );
}

/** The "region-stats" job: recomputes when the counts are older than the configured interval. */
export async function recomputeDueStats({ db, now }: { db: Db; now: Date }) {
  const r = await replaceRegionStats(db, now, statsIntervalMinutes() * 60_000);
  return r.ok ? { processed: 1, detail: { rows: r.rows } } : { processed: 0 };
}

export type RecomputeRefusal = Refusal<"province-only" | "busy" | "fresh" | "role">;

/**
 * 立即更新: province staff only, at most once a minute, on the audit record. The row is written once
 * the counts are replaced, not inside their transaction: that one reads a REPEATABLE READ
 * snapshot for seconds, and an audit row joins the chain after the newest committed one
 * (lib/audit/chain.ts) — which, with anyone else audited meanwhile, that snapshot cannot see, so
 * its commit would fail as a serialization error. The counts are derived data; the request is
 * what the record needs.
 */
export async function recomputeNow(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  now = new Date(),
): Promise<{ ok: true; rows: number; computedAt: Date } | RecomputeRefusal> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const province = scope.regionCodes.some((c) => regionScopePrefix(c)?.length === 2);
  if (!province) return { ok: false, reason: "province-only", message: STATS_PROVINCE_ONLY };
  const r = await replaceRegionStats(db, now, ON_DEMAND_MIN_INTERVAL_MS);
  if (r.ok) {
    await db.$executeRaw(
      auditInsertSql(ctx, {
        actorType: "staff",
        actorId: scope.staffId,
        action: "stats.recompute",
        outcome: "success",
        regionCode: scope.regionCodes[0] ?? null,
        details: { rows: r.rows },
      }),
    );
    return r;
  }
  return { ok: false, reason: r.reason, message: r.reason === "busy" ? STATS_BUSY : STATS_FRESH };
}
