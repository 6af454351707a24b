import { currentStaff } from "@/lib/auth/current-staff";
import { courseTemplate } from "@/lib/ce/course-workbook";
import { hasRole, ROLE_DENIED } from "@/lib/codes/staff-roles";

export const dynamic = "force-dynamic";

/** 下载导入模板 (.xlsx), for staff who may enter courses. */
export async function GET() {
  const staff = await currentStaff();
  if (!staff || !hasRole(staff, "ce-course")) {
    return new Response(staff ? ROLE_DENIED : "登录已失效，请重新登录财政部门端", {
      status: staff ? 403 : 401,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = new Uint8Array(await courseTemplate());
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="course-import.xlsx"; filename*=UTF-8''${encodeURIComponent("课程学分导入模板.xlsx")}`,
      "Cache-Control": "no-store",
    },
  });
}
