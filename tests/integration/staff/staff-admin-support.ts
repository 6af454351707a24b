import { db } from "@/lib/db/client";
import type { StaffRole } from "@/lib/codes/staff-roles";
import type { StaffAdmin } from "@/lib/staff/staff-admin-rules";
import { createEnrolledStaff } from "../../support/staff";

/** A 管理员 of `regionCode` past their first login, as 用户管理's services receive them. */
export async function staffAdminAt(
  regionCode: string,
  roles: StaffRole[] = ["staff-admin", "ce-review", "ce-course"],
): Promise<StaffAdmin & { username: string }> {
  const s = await createEnrolledStaff(db, regionCode, roles);
  return { staffId: s.id, regionCode, roles, username: s.username };
}
