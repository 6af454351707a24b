import * as z from "zod/mini";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";
import { ROLES_REQUIRED } from "@/lib/staff/staff-admin-rules";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// The 权限 checkboxes of 新建账号 and 修改权限: known roles. Which roles a 管理员 may tick (those
// they hold) the service decides against their account, not the browser.

/** 修改权限: none ticked is fine when the account keeps a role the 管理员 cannot change (the service checks). */
export const rolesList = z
  .array(codeTableSchema(STAFF_ROLES))
  .check(z.maxLength(STAFF_ROLES.codes.length));

/** 新建账号: at least one. */
export const rolesField = rolesList.check(z.minLength(1, ROLES_REQUIRED));
