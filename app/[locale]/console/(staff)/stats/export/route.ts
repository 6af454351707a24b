import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/current-staff";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { isChartId } from "@/lib/stats/charts";
import { statsExport } from "@/lib/stats/export";
import { staffScope } from "@/lib/staff/staff-session";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** 导出Excel of one chart of 统计分析: ?chart=…&region=…&year=…, the page's own parameters. */
export async function GET(request: NextRequest) {
  const staff = await currentStaff();
  if (!staff) return text("登录已失效，请重新登录财政部门端", 401);
  const q = request.nextUrl.searchParams;
  const chart = q.get("chart");
  const year = q.get("year");
  if (!isChartId(chart)) return text("没有这个统计图表", 404);
  const file = await statsExport(db, clientInfoFromHeaders(await headers()), staffScope(staff), {
    chart,
    region: q.get("region"),
    ceYear: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
  });
  if (!file) return text("没有这个统计图表", 404);
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
