import * as z from "zod/mini";
import { isValidUsername, normalizeUsername, USERNAME_RULE } from "@/lib/staff/staff-fields";
import { rolesField } from "../staff-roles.validation";

// 新建账号: the form's checks, run in the browser and again by the action; the service decides
// whether the office lies within the 管理员's and the roles are theirs to grant.
export const createStaffSchema = z.object({
  username: z.string().check(
    z.trim(),
    z.minLength(1, "请输入登录名"),
    z.refine((v) => isValidUsername(normalizeUsername(v)), USERNAME_RULE),
  ),
  name: z
    .string()
    .check(z.trim(), z.minLength(1, "请输入姓名"), z.maxLength(100, "姓名不能超过100个字")),
  regionCode: z.string().check(z.regex(/^\d{6}$/, "请选择所属单位")),
  roles: rolesField,
});
export type CreateStaffValues = z.input<typeof createStaffSchema>;
