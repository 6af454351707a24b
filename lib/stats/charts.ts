import { FIXED_DIMENSIONS, type FixedDimension } from "./dimensions";

// The dashboard's charts as tables: one shape that the page shows as the chart's text
// alternative, the browser draws (components/console/stats) and 导出Excel writes (export.ts), so
// the three can never disagree. Client-safe: plain data and pure functions.

export interface StatsBucket {
  bucket: string;
  label: string;
  count: number;
}

export interface StatsRegion {
  /** 6-digit GB/T 2260 code */
  code: string;
  name: string;
}

/** What lib/stats/dashboard.ts computes for one region; plain and serialisable. */
export interface StatsDashboard {
  region: StatsRegion & { fullName: string };
  /** the staff member's own node, when the dashboard shows a region below it */
  home: StatsRegion | null;
  /** regions one may drill into: the children of the staff member's own node */
  drillDown: StatsRegion[];
  /** ISO time of the counts (数据截至); null before the first recompute */
  computedAt: string | null;
  /** people per city (province) or county (city); none at county level */
  children: (StatsRegion & { total: number; collected: number })[];
  /** people recorded at the region itself, not at one of its children */
  unassigned: { total: number; collected: number };
  fixed: Record<FixedDimension, StatsBucket[]>;
  /** collections per Beijing month, with the running total */
  collected: { month: string; label: string; count: number; cumulative: number }[];
  /** completed transfers per month over the last months */
  transfers: { month: string; label: string; out: number; in: number }[];
  /** 继续教育 per year, the current year first */
  ce: { year: number; buckets: StatsBucket[] }[];
}

export const CHART_IDS = [
  "region",
  "employment-status",
  "qualification-level",
  "qualification-type",
  "education-level",
  "age-band",
  "high-end-talent",
  "collection-progress",
  "ce",
  "transfers",
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: unknown): value is ChartId {
  return typeof value === "string" && (CHART_IDS as readonly string[]).includes(value);
}

export interface ChartTable {
  id: ChartId;
  title: string;
  note?: string;
  /** the first column's header (地区, 月份, 学历 …) */
  category: string;
  /** one column each; a pie draws the first */
  series: { name: string; type: "bar" | "line" | "pie" }[];
  rows: { label: string; values: number[] }[];
  /** bars along the vertical axis: long category names (cities) on a narrow screen */
  horizontal?: boolean;
}

const PEOPLE = "人数";

function bucketsTable(
  id: ChartId,
  buckets: readonly StatsBucket[],
  type: "bar" | "pie",
  over: Partial<ChartTable> = {},
): ChartTable {
  const title = FIXED_DIMENSIONS[id as FixedDimension].title;
  return {
    id,
    title,
    category: title,
    series: [{ name: PEOPLE, type }],
    rows: buckets.map((b) => ({ label: b.label, values: [b.count] })),
    ...over,
  };
}

/** Every chart of the dashboard, with the CE chart for `ceYear` (the latest year when unknown). */
export function chartTables(d: StatsDashboard, ceYear?: number): ChartTable[] {
  const ce = d.ce.find((c) => c.year === ceYear) ?? d.ce[0];
  const tables: ChartTable[] = [];
  if (d.children.length > 0) {
    const level = d.region.code.endsWith("0000") ? "市" : "区县";
    const own = d.unassigned.total > 0 ? [{ name: "本级（未细分）", ...d.unassigned }] : [];
    tables.push({
      id: "region",
      title: `按${level}`,
      category: level === "市" ? "城市" : "区县",
      series: [
        { name: PEOPLE, type: "bar" },
        { name: "已采集", type: "bar" },
      ],
      rows: [...d.children, ...own].map((c) => ({ label: c.name, values: [c.total, c.collected] })),
      horizontal: true,
    });
  }
  const collectedOnly = "仅统计已完成信息采集的人员";
  tables.push(
    bucketsTable("employment-status", d.fixed["employment-status"], "pie", { note: collectedOnly }),
    bucketsTable("qualification-level", d.fixed["qualification-level"], "bar", {
      note: `${collectedOnly}，按所持最高级别计`,
    }),
    bucketsTable("qualification-type", d.fixed["qualification-type"], "bar", {
      note: `${collectedOnly}；持有多类资格的人员在每一类中各计一次`,
    }),
    bucketsTable("education-level", d.fixed["education-level"], "bar", {
      note: `${collectedOnly}，按最高学历（GB/T 4658）计`,
    }),
    bucketsTable("age-band", d.fixed["age-band"], "bar", { note: "按出生年份计算至今年" }),
    bucketsTable("high-end-talent", d.fixed["high-end-talent"], "pie", { note: collectedOnly }),
    {
      id: "collection-progress",
      title: "采集进度（按月累计）",
      category: "月份",
      series: [
        { name: "当月完成采集", type: "bar" },
        { name: "累计已采集", type: "line" },
      ],
      rows: d.collected.map((m) => ({ label: m.label, values: [m.count, m.cumulative] })),
    },
  );
  if (ce) {
    tables.push({
      id: "ce",
      title: `继续教育完成情况（${ce.year}年度）`,
      note:
        "已采集且当年年底前已注册的人员；有在途：尚未达到学分要求，且有学习中或待认定的记录" +
        (ce.buckets.some((b) => b.bucket === "NO_RECORD")
          ? "；无记录：该年度早于本平台继续教育记录的起始年份，平台记录未达到学分要求，不计为未完成"
          : ""),
      category: "完成情况",
      series: [{ name: PEOPLE, type: "pie" }],
      rows: ce.buckets.map((b) => ({ label: b.label, values: [b.count] })),
    });
  }
  tables.push({
    id: "transfers",
    title: "调入/调出（按月）",
    note: "已完成的跨省调转：已接收的调入、已调出的调出，按办结月份计",
    category: "月份",
    series: [
      { name: "调入", type: "bar" },
      { name: "调出", type: "bar" },
    ],
    rows: d.transfers.map((m) => ({ label: m.label, values: [m.in, m.out] })),
  });
  return tables;
}
