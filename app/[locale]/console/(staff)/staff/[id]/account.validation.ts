import * as z from "zod/mini";
import { rolesList } from "../staff-roles.validation";

// The account page's actions name the account by id; 修改权限 also carries the roles the page
// showed (`expected`), so a change made meanwhile by another 管理员 is refused, not overwritten.
const staffId = z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "账号编号有误，请刷新页面"));

export const accountSchema = z.object({ staffId });

export const rolesChangeSchema = z.object({
  staffId,
  roles: rolesList,
  expected: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(40)),
});
export type RolesChangeValues = z.input<typeof rolesChangeSchema>;
