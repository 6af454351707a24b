"use server";

import { db } from "@/lib/db/client";
import { personAction } from "@/lib/auth/action-client";
import { changePassword } from "@/lib/account/password-service";
import { refusalResult } from "@/lib/http/action-result";
import { changePasswordSchema } from "./change-password.validation";

/** 修改密码: the current password again; every other session ends. */
export const changePasswordAction = personAction(
  "changePasswordAction",
  changePasswordSchema,
  async (input, { request, session }) => {
    const r = await changePassword(db, request, session, input);
    return r.ok ? { ok: true, data: null } : refusalResult(r);
  },
);
