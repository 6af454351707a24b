import "server-only";
import ExcelJS from "exceljs";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { StaffScope } from "@/lib/region/scope";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { type ChartId, chartTables, type ChartTable } from "./charts";
import { statsDashboard } from "./dashboard";

// 导出Excel of one chart: its table, exactly as the page shows it (charts.ts), with the region
// and 数据截至 above it. Aggregates only, yet audited (stats.export) like every export.

export interface StatsExportRequest {
  chart: ChartId;
  /** the drilled-into region, as on the page */
  region?: string | null;
  ceYear?: number;
}

/** The workbook of one chart table, for a region at a time. */
export async function chartWorkbook(
  table: ChartTable,
  regionName: string,
  computedAt: string | null,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Sheet names may not hold / \ ? * [ ] : and stop at 31 characters.
  const sheet = book.addWorksheet(table.title.replace(/[/\\?*[\]:]/g, "、").slice(0, 31));
  sheet.addRow([`${regionName} ${table.title}`]).font = { bold: true };
  sheet.addRow([`数据截至：${computedAt ? formatBeijingDateTime(computedAt) : "尚未统计"}`]);
  if (table.note) sheet.addRow([table.note]);
  sheet.addRow([]);
  sheet.addRow([table.category, ...table.series.map((s) => s.name)]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([row.label, ...row.values]);
  sheet.getColumn(1).width = 24;
  table.series.forEach((_, i) => (sheet.getColumn(i + 2).width = 14));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The chart's workbook and file name; null when the region or chart is not the staff's to see. */
export async function statsExport(
  db: Db,
  ctx: RequestContext,
  scope: StaffScope,
  request: StatsExportRequest,
  now = new Date(),
): Promise<{ body: Buffer; filename: string } | null> {
  const d = await statsDashboard(db, scope, request.region, now);
  const table = d && chartTables(d, request.ceYear).find((t) => t.id === request.chart);
  if (!d || !table) return null;
  const body = await chartWorkbook(table, d.region.fullName, d.computedAt);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "stats.export",
      outcome: "success",
      regionCode: d.region.code,
      targetType: "stats-chart",
      targetId: table.id,
      details: { rows: table.rows.length, ...(table.id === "ce" ? { year: request.ceYear } : {}) },
    }),
  );
  return { body, filename: `${d.region.name}-${table.title}.xlsx` };
}
