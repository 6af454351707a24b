import { currentStaff } from "@/lib/auth/current-staff";
import { historyTemplate } from "@/lib/import/history-workbook";
import { hasRole, ROLE_DENIED } from "@/lib/codes/staff-roles";

export const dynamic = "force-dynamic";

/** 下载导入模板 (.xlsx), for staff who may import 历史档案. */
export async function GET() {
  const staff = await currentStaff();
  if (!staff || !hasRole(staff, "import")) {
    return new Response(staff ? ROLE_DENIED : "登录已失效，请重新登录财政部门端", {
      status: staff ? 403 : 401,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = new Uint8Array(await historyTemplate());
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="history-import.xlsx"; filename*=UTF-8''${encodeURIComponent("历史档案导入模板.xlsx")}`,
      "Cache-Control": "no-store",
    },
  });
}
