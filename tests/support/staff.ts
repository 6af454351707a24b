import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createStaff } from "@/lib/staff/staff-service";
import type { StaffRole } from "@/lib/staff/roles";

export const STAFF_PASSWORD = "Caizheng@2026";

/** A finance staff account of `regionCode` with a unique 登录名. */
export async function createTestStaff(
  db: Db,
  regionCode: string,
  roles: StaffRole[] = ["ce-review", "ce-course"],
) {
  const username = `t-${randomUUID().slice(0, 12)}`;
  const r = await createStaff(
    db,
    { ip: null, userAgent: "vitest" },
    { username, name: "测试人员", regionCode, roles, password: STAFF_PASSWORD },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { id: r.id, username, password: STAFF_PASSWORD, regionCode };
}
