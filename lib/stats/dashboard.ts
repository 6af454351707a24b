import "server-only";
import type { Db } from "@/lib/db/client";
import { childrenOf, getRegion, regionName } from "@/lib/region/divisions";
import { regionScopePrefix, regionWithin, type StaffScope } from "@/lib/region/scope";
import { beijingToday } from "@/lib/time/beijing";
import { ceRecordsFromYear } from "@/lib/jurisdiction/ce-records";
import type { StatsBucket, StatsDashboard, StatsRegion } from "./charts";
import {
  bucketLabel,
  ceDimension,
  ceYearBuckets,
  ceYears,
  FIXED_DIMENSIONS,
  type FixedDimension,
  monthLabel,
  monthsBetween,
} from "./dimensions";

// 统计分析's dashboard: the staff member's region (or a region below it they drill into) summed
// from RegionStat — a few thousand rows at province scope, one statement — into plain,
// serialisable aggregates that the page's tables show, the charts draw and the export writes.

export const TRANSFER_MONTHS = 24;

const pad6 = (code: string) => code.padEnd(6, "0");

/**
 * The region prefix the dashboard shows: `requested` when it lies within the scope, else the
 * scope's own; null when the request lies outside the scope (the page answers 404) or the scope
 * covers nothing.
 */
export function dashboardPrefix(scope: StaffScope, requested?: string | null): string | null {
  const own = scope.regionCodes.map(regionScopePrefix).find((p) => p !== null);
  if (!own) return null;
  if (!requested) return own;
  const prefix = regionScopePrefix(requested);
  if (!prefix || !getRegion(pad6(prefix)) || !regionWithin(pad6(prefix), [own])) return null;
  return prefix;
}

interface Row {
  dimension: string;
  bucket: string;
  child: string;
  count: number;
  computedAt: Date | null;
}

const region = (code: string): StatsRegion => ({ code, name: getRegion(code)?.name ?? code });

export async function statsDashboard(
  db: Db,
  scope: StaffScope,
  requested?: string | null,
  now = new Date(),
): Promise<StatsDashboard | null> {
  const prefix = dashboardPrefix(scope, requested);
  if (!prefix) return null;
  const own = scope.regionCodes.map(regionScopePrefix).find((p) => p !== null)!;
  const childLength = Math.min(prefix.length + 2, 6);
  // Only 采集状态 is split by child region: it counts every person exactly once.
  const rows = await db.$queryRaw<Row[]>`
    SELECT "dimension", "bucket",
      CASE WHEN "dimension" = 'collection-status' THEN left("regionCode", ${childLength}::int)
        ELSE '' END AS child,
      sum("count")::int AS count, max("computedAt") AS "computedAt"
    FROM "RegionStat" WHERE "regionCode" LIKE ${`${prefix}%`}
    GROUP BY 1, 2, 3`;
  const computedAt = rows.reduce<Date | null>(
    (a, r) => (r.computedAt && (!a || r.computedAt > a) ? r.computedAt : a),
    null,
  );
  const year = Number(beijingToday(now).slice(0, 4));
  const recordsFromYear = ceRecordsFromYear();
  return {
    region: { ...region(pad6(prefix)), fullName: regionName(pad6(prefix), "") ?? pad6(prefix) },
    home: prefix === own ? null : region(pad6(own)),
    drillDown: own.length < 6 ? childrenOf(pad6(own)).map((r) => region(r.code)) : [],
    computedAt: computedAt?.toISOString() ?? null,
    ...byChild(rows, prefix),
    fixed: Object.fromEntries(
      Object.entries(FIXED_DIMENSIONS).map(([d, def]) => [
        d,
        def.buckets.map((b) => ({ bucket: b.code, label: b.label, count: total(rows, d, b.code) })),
      ]),
    ) as Record<FixedDimension, StatsBucket[]>,
    collected: cumulative(rows),
    transfers: transfers(rows, `${year}-${beijingToday(now).slice(5, 7)}`),
    ce: ceYears(year).map((y) => ({
      year: y,
      buckets: ceYearBuckets(y, recordsFromYear).map((bucket) => ({
        bucket,
        label: bucketLabel(ceDimension(y), bucket),
        count: total(rows, ceDimension(y), bucket),
      })),
    })),
  };
}

function total(rows: readonly Row[], dimension: string, bucket?: string): number {
  return rows
    .filter((r) => r.dimension === dimension && (bucket === undefined || r.bucket === bucket))
    .reduce((a, r) => a + r.count, 0);
}

function byChild(rows: readonly Row[], prefix: string) {
  const node = pad6(prefix);
  const counts = new Map<string, { total: number; collected: number }>();
  for (const r of rows) {
    if (r.dimension !== "collection-status") continue;
    const code = pad6(r.child);
    const c = counts.get(code) ?? { total: 0, collected: 0 };
    c.total += r.count;
    if (r.bucket === "collected") c.collected += r.count;
    counts.set(code, c);
  }
  const unassigned = counts.get(node) ?? { total: 0, collected: 0 };
  counts.delete(node);
  // Every child of the node, those with nobody too; a code the table lacks keeps its code.
  const known = prefix.length < 6 ? childrenOf(node).map((r) => r.code) : [];
  const codes = [...new Set([...known, ...counts.keys()])].sort();
  return {
    children: codes.map((code) => ({
      ...region(code),
      ...(counts.get(code) ?? { total: 0, collected: 0 }),
    })),
    unassigned,
  };
}

function monthRows(rows: readonly Row[], dimension: string): Map<string, number> {
  return new Map(rows.filter((r) => r.dimension === dimension).map((r) => [r.bucket, r.count]));
}

function cumulative(rows: readonly Row[]): StatsDashboard["collected"] {
  const counts = monthRows(rows, "collected-month");
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  let running = 0;
  return monthsBetween(months[0]!, months.at(-1)!).map((month) => {
    const count = counts.get(month) ?? 0;
    running += count;
    return { month, label: monthLabel(month), count, cumulative: running };
  });
}

function transfers(rows: readonly Row[], thisMonth: string): StatsDashboard["transfers"] {
  const out = monthRows(rows, "transfer-out-month");
  const into = monthRows(rows, "transfer-in-month");
  const [y, m] = thisMonth.split("-").map(Number) as [number, number];
  const start = y * 12 + (m - 1) - (TRANSFER_MONTHS - 1);
  const first = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}`;
  return monthsBetween(first, thisMonth).map((month) => ({
    month,
    label: monthLabel(month),
    out: out.get(month) ?? 0,
    in: into.get(month) ?? 0,
  }));
}
