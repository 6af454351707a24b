import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartSection } from "@/components/console/stats/chart-section";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { requireStaff } from "@/lib/auth/current-staff";
import { db } from "@/lib/db/client";
import { regionScopePrefix } from "@/lib/region/scope";
import { hasRole } from "@/lib/codes/staff-roles";
import { staffScope } from "@/lib/staff/staff-session";
import { chartTables } from "@/lib/stats/charts";
import { statsDashboard } from "@/lib/stats/dashboard";
import { statsIntervalMinutes } from "@/lib/stats/recompute";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { RecomputeButton } from "./recompute-button";

export const metadata: Metadata = { title: "统计分析 · 财政部门" };

// 统计分析: the staff member's region (or a city/county below it they pick) from the precomputed
// counts (lib/stats), aggregates only — every staff member may look. Each chart has its table and
// 导出Excel; the province's administrators may 立即更新 the counts.

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const requested = one(params.region);
  const d = await statsDashboard(db, staffScope(staff), requested);
  if (!d) notFound();
  const yearParam = Number(one(params.year));
  const ceYear = d.ce.some((c) => c.year === yearParam) ? yearParam : d.ce[0]!.year;
  const drilled = d.home ? d.region.code : null;
  const href = (q: Record<string, string | number | null>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== null) s.set(k, String(v));
    return s.toString();
  };
  const canRecompute =
    hasRole(staff, "staff-admin") && regionScopePrefix(staff.regionCode)?.length === 2;

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">统计分析</h1>
      <div className="flex flex-wrap items-start justify-between gap-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">统计范围</dt>
          <dd>{d.region.fullName}（含下辖全部地区）</dd>
          <dt className="text-muted-foreground">数据截至</dt>
          <dd>
            {d.computedAt ? formatBeijingDateTime(d.computedAt) : "尚未统计"}
            <span className="text-muted-foreground">
              （每{statsIntervalMinutes()}分钟自动更新）
            </span>
          </dd>
        </dl>
        {canRecompute && <RecomputeButton />}
      </div>
      {(d.drillDown.length > 0 || d.home) && (
        <form action="/console/stats" method="get" className="flex flex-wrap items-end gap-2">
          <label className="grid gap-1 text-sm">
            <span>查看下级地区</span>
            <NativeSelect name="region" defaultValue={drilled ?? ""} wrapperClassName="w-56">
              <option value="">
                {d.home ? `全部（${d.home.name}）` : `全部（${d.region.name}）`}
              </option>
              {d.drillDown.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </NativeSelect>
          </label>
          <input type="hidden" name="year" value={ceYear} />
          <Button type="submit" size="sm">
            查看
          </Button>
        </form>
      )}
      {chartTables(d, ceYear).map((table) => (
        <div key={table.id} className="space-y-2">
          {table.id === "ce" && (
            <nav aria-label="继续教育年度" className="flex flex-wrap items-center gap-2">
              {d.ce.map(({ year }) => (
                <Link
                  key={year}
                  href={`/console/stats?${href({ region: drilled, year })}#stats-ce`}
                  aria-current={year === ceYear ? "page" : undefined}
                  className={
                    year === ceYear
                      ? "rounded-md border border-primary bg-primary/10 px-3 py-1.5 text-sm font-medium text-primary"
                      : "rounded-md border px-3 py-1.5 text-sm"
                  }
                >
                  {year}年度
                </Link>
              ))}
            </nav>
          )}
          <ChartSection
            table={table}
            exportHref={`/console/stats/export?${href({ chart: table.id, region: drilled, year: ceYear })}`}
          />
        </div>
      ))}
    </div>
  );
}
