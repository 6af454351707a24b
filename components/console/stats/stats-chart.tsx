"use client";

import dynamic from "next/dynamic";
import type { ChartTable } from "@/lib/stats/charts";
import { chartHeight } from "./chart-option";

// ECharts comes after the page's first load: the charts are drawn in the browser from the
// server's aggregates, and the table beside each one is its text alternative meanwhile.
const EChartsView = dynamic(() => import("./echarts-view"), {
  ssr: false,
  loading: () => (
    <div className="w-full animate-pulse rounded-md bg-muted" style={{ height: 200 }} />
  ),
});

/** The chart of one table; hidden from screen readers, which read the table instead. */
export function StatsChart({ table }: { table: ChartTable }) {
  return (
    <div aria-hidden="true" className="min-w-0" style={{ minHeight: chartHeight(table) }}>
      <EChartsView table={table} />
    </div>
  );
}
