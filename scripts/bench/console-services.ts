// The services' half of `npm run bench -- --only console` (console.ts has the SQL half): the same
// searches through lib/search (searchPeople: the page, the bounded count and the audit row, and
// findPersonInScope for a typed 证件号码), the 统计分析 dashboard through lib/stats (after the
// RegionStat recompute, timed once), and 导出 through lib/export, the body read to its end, in a
// process of its own (console-export.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { exportPeople } from "@/lib/export/people-export";
import type { ExportFormat } from "@/lib/export/writers";
import { searchFilterSchema, type SearchFilterInput } from "@/lib/search/search-filter";
import { searchPeople } from "@/lib/search/search-service";
import { findPersonInScope } from "@/lib/staff/person-lookup";
import { statsDashboard } from "@/lib/stats/dashboard";
import { recomputeDueStats } from "@/lib/stats/recompute";
import { createDb } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import {
  consoleDatabaseUrl,
  DASHBOARD_GOAL_MS,
  EXPORT_GOAL_MIB,
  EXPORT_GOAL_S,
  exportRowCount,
  measured,
  MIXES,
  newPool,
  p95,
  type Probes,
  probes,
  rawDashboardMs,
  rawExport,
  rawSearchFigures,
  SCOPES,
  seedKeys,
} from "./console";
import { SERVER_HEAP_FLAG, SERVER_MALLOC_ENV } from "../server-heap";
import type { Figure } from "./report";

const CTX: RequestContext = { ip: null, userAgent: "npm run bench -- --only console" };
const STAFF_ID = "bench-console";
const RUNS = 60;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const scopeOf = (code: string) => ({
  staffId: STAFF_ID,
  regionCodes: [code],
  roles: ["archive-read"],
});

/** A 人员查询 page view: the page, the bounded count and the audit row (searchPeople). */
async function pageView(db: Db, input: SearchFilterInput, code: string): Promise<void> {
  const r = await searchPeople(db, CTX, scopeOf(code), searchFilterSchema.parse(input));
  if (!r.ok) throw new Error(r.message);
}

export async function serviceSearchFigures(db: Db, p: Probes): Promise<Figure[]> {
  const figures: Figure[] = [
    {
      label: "search p95: name (汉字), province",
      unit: "ms",
      value: await p95(RUNS, (i) => pageView(db, { q: pick(p.names, i) }, "440000")),
    },
    {
      label: "search p95: pinyin initials, province",
      unit: "ms",
      value: await p95(RUNS, (i) => pageView(db, { q: pick(p.initials, i) }, "440000")),
    },
    {
      label: "search p95: 证件号码 (blind index), province",
      unit: "ms",
      // A typed number: blind index, lookup, and the audit row every lookup writes.
      value:
        p.numbers.length > 0
          ? await p95(RUNS, (i) =>
              findPersonInScope(db, CTX, scopeOf("440000"), pick(p.numbers, i)),
            )
          : Number.NaN,
    },
  ];
  for (const mix of MIXES) {
    for (const scope of SCOPES) {
      figures.push({
        label: `search p95: ${mix.label}, ${scope.label}`,
        unit: "ms",
        value: await p95(RUNS / 3, () => pageView(db, mix.filter, scope.code)),
      });
    }
  }
  return figures;
}

/** RegionStat brought up to date (seconds; 0 when it already was), then the dashboard's p95. */
export async function serviceDashboard(db: Db): Promise<{ recomputeS: number; p95Ms: number }> {
  const t = performance.now();
  const r = await recomputeDueStats({ db, now: new Date() });
  const recomputeS = r.processed > 0 ? (performance.now() - t) / 1000 : 0;
  const p95Ms = await p95(20, () => statsDashboard(db, scopeOf("440000")));
  return { recomputeS, p95Ms };
}

/** An export slower than this is stopped (the figure then reads "> cap"): the bench must end. */
export const EXPORT_CAP_S = 300;

/**
 * Exports the search `input` of the province (numbers masked), reading the body as fast as it
 * comes; bytes read, and whether it was stopped at EXPORT_CAP_S.
 */
export async function serviceExport(
  db: Db,
  input: SearchFilterInput,
  format: ExportFormat,
  maxRows: number,
): Promise<{ bytes: number; stopped: boolean }> {
  // A staff id of its own per run: a bench killed mid-export leaves a "started" row without an
  // end, which would refuse the next run's export as busy for half an hour.
  const exporter = {
    ...scopeOf("440000"),
    staffId: `${STAFF_ID}-export-${process.pid}-${Date.now()}`,
    roles: ["export"],
  };
  const r = await exportPeople(
    db,
    CTX,
    exporter,
    { filter: searchFilterSchema.parse(input), format },
    { maxRows },
  );
  if (!r.ok) throw new Error(r.message);
  let bytes = 0;
  const reader = r.body.getReader();
  const until = performance.now() + EXPORT_CAP_S * 1000;
  for (;;) {
    if (performance.now() > until) {
      await reader.cancel();
      return { bytes, stopped: true };
    }
    const { done, value } = await reader.read();
    if (done) return { bytes, stopped: false };
    bytes += value.byteLength;
  }
}

/**
 * serviceExport in a process of its own (console-export.ts), started as the server is (its heap
 * flag, scripts/server-heap.ts): the peak RSS is then the export's, not the bench's heap left
 * from the searches before it (≈ 270 MiB).
 */
async function exportInChild(
  url: string,
  format: ExportFormat,
  rows: number,
): Promise<{ s: number; peakMiB: number; beforeMiB: number; stopped: boolean }> {
  const child = spawn(
    process.execPath,
    [
      SERVER_HEAP_FLAG,
      "--import",
      "./scripts/server-only/register.mjs",
      "--import",
      "tsx",
      "scripts/bench/console-export.ts",
      format,
      String(rows),
    ],
    {
      env: { ...process.env, ...SERVER_MALLOC_ENV, ...seedKeys(), DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  const line = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`export ${format} failed: ${out}`);
  return JSON.parse(line) as { s: number; peakMiB: number; beforeMiB: number; stopped: boolean };
}

/** Both halves on the seeded database: figures per column, labels in the same order. */
export async function consoleFigures(): Promise<{ name: string; figures: Figure[] }[]> {
  const url = consoleDatabaseUrl();
  if (!url) throw new Error("DATABASE_URL (the database npm run seed:scale filled) is not set");
  // The seed's keys, for the typed numbers and the services (main() set throwaway ones).
  Object.assign(process.env, seedKeys());
  const pool = newPool(url);
  const db = createDb(url);
  try {
    const found = await probes(pool, (cipher) => {
      try {
        return decryptField(cipher);
      } catch {
        return null; // not the seed's key: the typed-number figure is left out
      }
    });
    const exportRows = await exportRowCount(pool);
    const raw: Figure[] = await rawSearchFigures(pool, found);
    const service: Figure[] = await serviceSearchFigures(db, found);

    const dashboard = await serviceDashboard(db);
    raw.push({
      label: `dashboard, province (goal ≤ ${DASHBOARD_GOAL_MS} ms)`,
      unit: "ms",
      value: await rawDashboardMs(pool),
    });
    service.push({
      label: `dashboard, province (goal ≤ ${DASHBOARD_GOAL_MS} ms)`,
      unit: "ms",
      value: dashboard.p95Ms,
    });
    raw.push({ label: "RegionStat recompute (job, not per view)", unit: "s", value: Number.NaN });
    service.push({
      label: "RegionStat recompute (job, not per view)",
      unit: "s",
      value: dashboard.recomputeS,
    });

    const rawRun = await measured(() => rawExport(pool));
    const exportFigures = (
      run: { s: number; peakMiB: number; beforeMiB: number },
      format: string,
    ): Figure[] => [
      {
        label: `export ${format}: ${exportRows.toLocaleString("en")} rows (goal ≤ ${EXPORT_GOAL_S} s)`,
        unit: "s",
        value: run.s,
      },
      {
        label: `export ${format}: peak RSS of the process (goal ≤ ${EXPORT_GOAL_MIB} MB)`,
        unit: "MiB",
        value: run.peakMiB,
      },
      {
        label: `export ${format}: RSS growth over the export`,
        unit: "MiB",
        value: run.peakMiB - run.beforeMiB,
      },
    ];
    raw.push(...exportFigures(rawRun, "csv"));
    for (const format of ["csv", "xlsx"] as const) {
      const run = await exportInChild(url, format, exportRows);
      if (run.stopped) console.log(`  export ${format} stopped after ${EXPORT_CAP_S} s`);
      service.push(...exportFigures(run, format));
      if (format === "xlsx") {
        raw.push(...exportFigures({ s: Number.NaN, peakMiB: Number.NaN, beforeMiB: 0 }, "xlsx"));
      }
    }
    return [
      { name: "raw SQL", figures: raw },
      { name: "service", figures: service },
    ];
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}
