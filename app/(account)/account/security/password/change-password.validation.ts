import * as z from "zod/mini";
import { passwordInputSchema, refinePasswordPair } from "@/lib/account/field-schemas";
import { ALWAYS } from "@/lib/utils/refinement";

// 修改密码. The rules that need the account's ID and phone are checked again on the server.
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .check(z.minLength(1, "请输入当前密码"), z.maxLength(128, "密码过长")),
    newPassword: passwordInputSchema,
    confirmPassword: z.string().check(z.minLength(1, "请再次输入新密码")),
  })
  .check(
    z.superRefine(
      (v, ctx) =>
        refinePasswordPair(
          { password: v.newPassword, confirmPassword: v.confirmPassword },
          {},
          ctx,
          {
            password: "newPassword",
            confirm: "confirmPassword",
          },
        ),
      ALWAYS,
    ),
  );

export type ChangePasswordValues = z.input<typeof changePasswordSchema>;
