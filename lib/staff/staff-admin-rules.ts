import { defineCodeTable } from "@/lib/codes/code-table";
import { regionWithin } from "@/lib/region/scope";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";

// 用户管理's rules, pure so the list, the detail page and every write apply the same ones.
// A 管理员 (staff-admin) manages the accounts whose office lies within their own: their own office
// (colleagues, other 管理员 of it included: a sibling administrator is allowed, never oneself),
// and the offices below it. A parent's or a sibling office's accounts do not exist for them.
// Roles: one grants or removes only roles one holds; roles one lacks stay as they are.

/** What a 管理员 acts with: who, their office, their roles (from the session, checked again). */
export interface StaffAdmin {
  staffId: string;
  regionCode: string;
  roles: readonly string[];
}

export const NO_SUCH_ACCOUNT = "没有这个账号，或该账号不属于您管辖的单位";
export const NOT_OWN_ACCOUNT = "不能对本人的账号办理此项操作，请联系同级或上级管理员";
export const ROLE_NOT_HELD = "只能授予或取消您本人拥有的权限";
export const OFFICE_OUTSIDE = "所属单位须为本单位或下级单位";
export const ROLES_REQUIRED = "请至少选择一项权限";
export const ROLES_STALE = "该账号的权限刚被其他管理员修改，请刷新页面后重新选择";

/** How an account stands to a 管理员: manageable, their own, or outside their offices. */
export type Reach = "manage" | "self" | "hidden";

export function reachOf(admin: StaffAdmin, target: { id: string; regionCode: string }): Reach {
  if (!regionWithin(target.regionCode, [admin.regionCode])) return "hidden";
  return target.id === admin.staffId ? "self" : "manage";
}

/** The roles a 管理员 may grant or remove: those they hold, in the table's order. */
export function grantableRoles(admin: Pick<StaffAdmin, "roles">): string[] {
  return STAFF_ROLES.codes.filter((c) => admin.roles.includes(c));
}

/**
 * The roles after a change: the grantable ones as requested, the others as they were. A request
 * naming a role the 管理员 lacks is refused (the form never offers one), as is an empty result.
 */
export function nextRoles(
  admin: Pick<StaffAdmin, "roles">,
  current: readonly string[],
  requested: readonly string[],
): { ok: true; roles: string[] } | { ok: false; message: string } {
  if (requested.some((r) => !admin.roles.includes(r))) return { ok: false, message: ROLE_NOT_HELD };
  const kept = current.filter((r) => !admin.roles.includes(r));
  const wanted = new Set([...kept, ...requested]);
  // Table order, then any code retired from the table that the account still carries.
  const roles = [
    ...STAFF_ROLES.codes.filter((c) => wanted.has(c)),
    ...kept.filter((r) => !STAFF_ROLES.is(r)),
  ];
  return roles.length === 0 ? { ok: false, message: ROLES_REQUIRED } : { ok: true, roles };
}

export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((r) => set.has(r));
}

/** An account's state as 用户管理 lists it; the first that applies wins. */
export const STAFF_STATUSES = defineCodeTable(
  [
    { code: "active", label: "正常" },
    { code: "disabled", label: "已停用" },
    { code: "first-login", label: "待首次登录" },
    { code: "no-totp", label: "未绑定动态口令" },
  ],
  "请选择状态",
);
export type StaffStatus = (typeof STAFF_STATUSES.codes)[number];

export function staffStatus(row: {
  disabledAt: Date | null;
  mustChangePassword: boolean;
  totpEnrolledAt: Date | null;
}): StaffStatus {
  if (row.disabledAt) return "disabled";
  if (row.mustChangePassword) return "first-login";
  return row.totpEnrolledAt ? "active" : "no-totp";
}
