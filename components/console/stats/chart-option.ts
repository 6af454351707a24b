import type { ChartTable } from "@/lib/stats/charts";

// A chart table (lib/stats/charts.ts) as an ECharts option. Pure and typed loosely on purpose:
// the option types would pull all of ECharts' declarations into every caller.

/** Height in pixels: horizontal bars grow with their rows so labels never overlap. */
export function chartHeight(table: ChartTable): number {
  return table.horizontal ? Math.max(200, 60 + table.rows.length * 26) : 280;
}

export function chartOption(table: ChartTable): Record<string, unknown> {
  const labels = table.rows.map((r) => r.label);
  const [first] = table.series;
  if (first?.type === "pie") {
    return {
      tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
      legend: { bottom: 0, type: "scroll" },
      series: [
        {
          name: first.name,
          type: "pie",
          radius: ["35%", "62%"],
          center: ["50%", "45%"],
          avoidLabelOverlap: true,
          label: { formatter: "{b}\n{c}" },
          data: table.rows.map((r) => ({ name: r.label, value: r.values[0] ?? 0 })),
        },
      ],
    };
  }
  const category = {
    type: "category",
    data: labels,
    axisLabel: {
      hideOverlap: true,
      ...(table.horizontal ? {} : { rotate: labels.length > 6 ? 40 : 0 }),
    },
    ...(table.horizontal ? { inverse: true } : {}),
  };
  const value = { type: "value", minInterval: 1 };
  return {
    tooltip: { trigger: "axis" },
    legend: table.series.length > 1 ? { top: 0 } : undefined,
    grid: {
      left: 8,
      right: 16,
      top: table.series.length > 1 ? 32 : 12,
      bottom: 8,
      containLabel: true,
    },
    xAxis: table.horizontal ? value : category,
    yAxis: table.horizontal ? category : value,
    series: table.series.map((s, i) => ({
      name: s.name,
      type: s.type,
      data: table.rows.map((r) => r.values[i] ?? 0),
      ...(s.type === "line" ? { smooth: false, showSymbol: labels.length <= 24 } : {}),
    })),
  };
}
