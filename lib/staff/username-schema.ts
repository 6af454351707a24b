import { z } from "zod";
import { isValidUsername, normalizeUsername, USERNAME_RULE } from "./staff-fields";

/** A 登录名 as the staff service takes it: folded (staff-fields.ts), then checked. */
export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .refine((v) => v.length > 0, "请输入登录名")
  .refine(isValidUsername, USERNAME_RULE);
