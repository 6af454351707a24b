import { defineCodeTable } from "@/lib/codes/code-table";
import type { StaffScope } from "@/lib/region/scope";

// What a finance staff member may do, on the records of their own region (lib/region/scope.ts).
// Codes are stored in Staff.roles: never rename one. New console work adds its own role here.

export const STAFF_ROLES = defineCodeTable(
  [
    { code: "ce-review", label: "继续教育学分认定" },
    { code: "ce-course", label: "继续教育课程登记" },
    { code: "archive-read", label: "会计人员查询与档案查阅" },
    { code: "export", label: "数据导出" },
    { code: "export-full", label: "数据导出（含完整证件号码）" },
    { code: "import", label: "历史档案导入" },
    { code: "audit-read", label: "操作日志查阅" },
    { code: "transfer-review", label: "跨省调转审核" },
    { code: "identity-review", label: "账号申诉审核" },
    { code: "staff-admin", label: "管理员（用户管理、通知公告、采集须知、联系方式、节假日）" },
  ],
  "请选择权限",
);
export type StaffRole = (typeof STAFF_ROLES.codes)[number];

export const ROLE_DENIED = "您没有办理此项业务的权限，请联系本单位平台管理员";

export function hasRole(staff: { roles: readonly string[] }, role: StaffRole): boolean {
  return staff.roles.includes(role);
}

/**
 * A finance staff member as every staff-facing service sees them: their region scope and their
 * roles. Services check the role themselves (actorRefusal) — the page or action builder checking
 * it too is the interface, not the guard. Built from a session by `staffActor()`
 * (lib/staff/staff-session.ts).
 */
export interface StaffActor extends StaffScope {
  roles: readonly string[];
}

/** The answer of a service to an actor who lacks its role (the same message the pages show). */
export const ROLE_REFUSAL = { ok: false, reason: "role", message: ROLE_DENIED } as const;

/** Whether the actor holds any of the roles; services call it before reading anything. */
export function holdsAny(actor: { roles: readonly string[] }, roles: readonly StaffRole[]) {
  return roles.some((r) => actor.roles.includes(r));
}
