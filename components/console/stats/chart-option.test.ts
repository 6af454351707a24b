import { describe, expect, it } from "vitest";
import type { ChartTable } from "@/lib/stats/charts";
import { chartHeight, chartOption } from "./chart-option";

const table = (over: Partial<ChartTable>): ChartTable => ({
  id: "age-band",
  title: "年龄段",
  category: "年龄段",
  series: [{ name: "人数", type: "bar" }],
  rows: [
    { label: "30岁及以下", values: [3] },
    { label: "31—40岁", values: [5] },
  ],
  ...over,
});

describe("chart options", () => {
  it("draws a pie from the first column", () => {
    const o = chartOption(table({ series: [{ name: "人数", type: "pie" }] }));
    expect(o.series).toEqual([
      expect.objectContaining({
        type: "pie",
        data: [
          { name: "30岁及以下", value: 3 },
          { name: "31—40岁", value: 5 },
        ],
      }),
    ]);
  });

  it("puts categories on the vertical axis of horizontal bars, one series per column", () => {
    const o = chartOption(
      table({
        horizontal: true,
        series: [
          { name: "人数", type: "bar" },
          { name: "已采集", type: "bar" },
        ],
        rows: [{ label: "广州市", values: [9, 4] }],
      }),
    );
    expect(o.yAxis).toMatchObject({ type: "category", data: ["广州市"] });
    expect(o.xAxis).toMatchObject({ type: "value" });
    expect((o.series as { data: number[] }[]).map((s) => s.data)).toEqual([[9], [4]]);
  });

  it("grows a horizontal chart with its rows so 21 cities stay legible at 360 px", () => {
    const rows = Array.from({ length: 21 }, (_, i) => ({ label: `市${i}`, values: [i] }));
    expect(chartHeight(table({ horizontal: true, rows }))).toBeGreaterThanOrEqual(21 * 26);
    expect(chartHeight(table({}))).toBe(280);
  });
});
