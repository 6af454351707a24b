"use client";

import { useEffect, useRef } from "react";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { ChartTable } from "@/lib/stats/charts";
import { chartHeight, chartOption } from "./chart-option";

// Only what the dashboard draws (bar, line, pie; grid, legend, tooltip; SVG), loaded after the
// page (stats-chart.tsx imports this file dynamically): the tables beside the charts carry the
// numbers before it arrives.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export default function EChartsView({ table }: { table: ChartTable }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption(chartOption(table));
    // Follows the column's width: a phone at 360 px, a rotated tablet, a resized window.
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [table]);
  return <div ref={box} style={{ height: chartHeight(table) }} className="w-full min-w-0" />;
}
