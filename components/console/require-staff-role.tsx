import "server-only";
import type { ReactElement } from "react";
import { requireStaff } from "@/lib/auth/current-staff";
import { hasRole, type StaffActor, type StaffRole } from "@/lib/codes/staff-roles";
import { type SessionStaff, staffActor } from "@/lib/staff/staff-session";
import { RoleDenied } from "./role-denied";

/** A staff member allowed on the page, with the actor its services take. */
export type StaffOnPage = SessionStaff & { actor: StaffActor };

/**
 * The head of every console page of one role: the staff member (or 财政部门登录, as
 * requireStaff), or the page that says they lack the role —
 *   const staff = await requireStaffRole("audit-read", "操作日志");
 *   if ("denied" in staff) return staff.denied;
 * The services check the role again; this is what the staff member sees.
 */
export async function requireStaffRole(
  role: StaffRole,
  title: string,
): Promise<StaffOnPage | { denied: ReactElement }> {
  const staff = await requireStaff();
  if (!hasRole(staff, role)) return { denied: <RoleDenied title={title} /> };
  return { ...staff, actor: staffActor(staff) };
}
