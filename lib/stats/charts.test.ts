import { describe, expect, it } from "vitest";
import { CHART_IDS, chartTables, isChartId, type StatsDashboard } from "./charts";
import { FIXED_DIMENSIONS, type FixedDimension } from "./dimensions";

const fixed = Object.fromEntries(
  Object.entries(FIXED_DIMENSIONS).map(([d, def]) => [
    d,
    def.buckets.map((b, i) => ({ bucket: b.code, label: b.label, count: i })),
  ]),
) as StatsDashboard["fixed"];

const dashboard = (over: Partial<StatsDashboard> = {}): StatsDashboard => ({
  region: { code: "440100", name: "广州市", fullName: "广东省广州市" },
  home: null,
  drillDown: [],
  computedAt: null,
  children: [{ code: "440106", name: "天河区", total: 5, collected: 3 }],
  unassigned: { total: 2, collected: 1 },
  fixed,
  collected: [{ month: "2026-01", label: "2026年1月", count: 4, cumulative: 4 }],
  transfers: [{ month: "2026-11", label: "2026年11月", out: 1, in: 2 }],
  ce: [2026, 2025].map((year) => ({
    year,
    buckets: [{ bucket: "COMPLETE", label: "已完成", count: year - 2000 }],
  })),
  ...over,
});

describe("chart tables", () => {
  it("lists every chart of the issue, in order, with its numbers", () => {
    const tables = chartTables(dashboard());
    expect(tables.map((t) => t.id)).toEqual(CHART_IDS);
    expect(tables.every((t) => isChartId(t.id))).toBe(true);
    const region = tables[0]!;
    expect(region).toMatchObject({ title: "按区县", category: "区县", horizontal: true });
    expect(region.rows).toEqual([
      { label: "天河区", values: [5, 3] },
      { label: "本级（未细分）", values: [2, 1] },
    ]);
    expect(tables.at(-1)!.rows).toEqual([{ label: "2026年11月", values: [2, 1] }]);
    const age = tables.find((t) => t.id === "age-band")!;
    expect(age.rows.map((r) => r.values[0])).toEqual(
      fixed["age-band" as FixedDimension].map((b) => b.count),
    );
  });

  it("draws the chosen CE year, the latest one otherwise", () => {
    const ce = (year?: number) => chartTables(dashboard(), year).find((t) => t.id === "ce")!;
    expect(ce(2025)).toMatchObject({ title: "继续教育完成情况（2025年度）" });
    expect(ce(2025).rows).toEqual([{ label: "已完成", values: [25] }]);
    expect(ce(1999).title).toBe("继续教育完成情况（2026年度）");
  });

  it("has no 按区县 chart for a county, and 按市 for a province", () => {
    expect(chartTables(dashboard({ children: [] }))[0]!.id).toBe("employment-status");
    const province = dashboard({
      region: { code: "440000", name: "广东省", fullName: "广东省" },
      unassigned: { total: 0, collected: 0 },
    });
    expect(chartTables(province)[0]).toMatchObject({ title: "按市", category: "城市" });
    expect(chartTables(province)[0]!.rows).toHaveLength(1);
  });
});
