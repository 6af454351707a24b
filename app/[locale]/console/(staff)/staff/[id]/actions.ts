"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import {
  type AdminResult,
  changeStaffRoles,
  disableStaffAccount,
  enableStaffAccount,
  resetStaffAccountPassword,
  resetStaffAccountSecondFactor,
} from "@/lib/staff/staff-admin-service";
import { accountSchema, rolesChangeSchema } from "./account.validation";

// The account page's actions. Each service checks the 管理员's office against the account's and
// refuses their own account; the pages re-read after every change.

function answered<T extends object, D = null>(
  r: AdminResult<T>,
  data: (done: T) => D = () => null as D,
): ActionResult<D> {
  if (!r.ok) return refusalResult(r);
  revalidatePath("/console/staff", "layout");
  return { ok: true, data: data(r) };
}

/** 修改权限 */
export const changeStaffRolesAction = staffAction(
  "changeStaffRolesAction",
  "staff-admin",
  rolesChangeSchema,
  async (input, { request, staff }): Promise<ActionResult> =>
    answered(await changeStaffRoles(db, request, staff, input)),
);

/** 重置密码: answers the new one-time password. */
export const resetStaffPasswordAction = staffAction(
  "resetStaffPasswordAction",
  "staff-admin",
  accountSchema,
  async ({ staffId }, { request, staff }): Promise<ActionResult<{ password: string }>> =>
    answered(await resetStaffAccountPassword(db, request, staff, staffId), (r) => ({
      password: r.password,
    })),
);

/** 重置动态口令: also answers a new one-time password (second-factor-reset.ts says why). */
export const resetStaffSecondFactorAction = staffAction(
  "resetStaffSecondFactorAction",
  "staff-admin",
  accountSchema,
  async ({ staffId }, { request, staff }): Promise<ActionResult<{ password: string }>> =>
    answered(await resetStaffAccountSecondFactor(db, request, staff, staffId), (r) => ({
      password: r.password,
    })),
);

/** 停用 */
export const disableStaffAction = staffAction(
  "disableStaffAction",
  "staff-admin",
  accountSchema,
  async ({ staffId }, { request, staff }): Promise<ActionResult> =>
    answered(await disableStaffAccount(db, request, staff, staffId)),
);

/** 启用 */
export const enableStaffAction = staffAction(
  "enableStaffAction",
  "staff-admin",
  accountSchema,
  async ({ staffId }, { request, staff }): Promise<ActionResult> =>
    answered(await enableStaffAccount(db, request, staff, staffId)),
);
