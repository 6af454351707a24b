import * as z from "zod/mini";
import { newPasswordFields, newPasswordPairCheck } from "@/lib/account/field-schemas";

// 修改密码. The rules that need the account's ID and phone are checked again on the server.
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .check(z.minLength(1, "请输入当前密码"), z.maxLength(128, "密码过长")),
    ...newPasswordFields,
  })
  .check(newPasswordPairCheck);

export type ChangePasswordValues = z.input<typeof changePasswordSchema>;
