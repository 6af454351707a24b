import { currentStaff } from "@/lib/auth/current-staff";
import { db } from "@/lib/db/client";
import { exportPeople, mayExport } from "@/lib/export/people-export";
import { EXPORT_FORMATS, isExportFormat } from "@/lib/export/writers";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { parseSearchFilter } from "@/lib/search/search-filter";
import { staffScope } from "@/lib/staff/staff-session";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import { contentDisposition } from "@/lib/storage/content-disposition";

export const dynamic = "force-dynamic";

const REFUSAL_STATUS = { role: 403, "too-large": 422, busy: 409 } as const;

function refusal(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * 导出: the 人员查询 of the URL's parameters (the page's own, plus format=xlsx|csv) as a file,
 * streamed while it is written (lib/export/people-export.ts).
 */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return refusal("登录已失效，请重新登录财政部门端", 401);
  if (!mayExport(staff)) return refusal(ROLE_DENIED, 403);
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (!isExportFormat(format)) return refusal("请选择导出格式（xlsx 或 csv）", 400);
  const parsed = parseSearchFilter(params);
  if (!parsed.ok) return refusal(Object.values(parsed.fieldErrors).join("；"), 400);

  const r = await exportPeople(
    db,
    clientInfoFromHeaders(request.headers),
    { ...staffScope(staff), roles: staff.roles },
    { filter: parsed.filter, format },
  );
  if (!r.ok) return refusal(r.message, REFUSAL_STATUS[r.reason]);
  return new Response(r.body, {
    headers: {
      "Content-Type": EXPORT_FORMATS[format].contentType,
      "Content-Disposition": contentDisposition("attachment", r.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
