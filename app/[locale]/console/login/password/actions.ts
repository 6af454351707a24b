"use server";

import { db } from "@/lib/db/client";
import { staffSignInAction } from "@/lib/auth/action-client";
import { refusalResult } from "@/lib/http/action-result";
import { initialPasswordSchema } from "@/lib/staff/schemas/sign-in";
import { changeInitialPassword } from "@/lib/staff/sign-in-service";

/** 首次登录修改密码: replaces the initial password, answers the sign-in's next step. */
export const initialPasswordAction = staffSignInAction(
  "initialPasswordAction",
  initialPasswordSchema,
  async (input, { request, token }) => {
    const r = await changeInitialPassword(db, request, token, input);
    return r.ok ? { ok: true, data: { step: r.step } } : refusalResult(r);
  },
);
