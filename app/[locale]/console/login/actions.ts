"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/lib/auth/action-client";
import { setStaffSignInCookie } from "@/lib/auth/staff-sign-in";
import { authenticateStaff, staffCaptchaNeededFor } from "@/lib/staff/staff-login-service";
import type { SignInStep } from "@/lib/staff/sign-in-steps";
import { staffLoginNameSchema, staffPasswordStepSchema } from "./staff-login.validation";

/**
 * 财政部门登录, first step: the password. It opens no session — the browser gets the sign-in's
 * cookie and the step it is at (the second factor; on a first login the password change).
 */
export const staffPasswordAction = publicAction(
  "staffPasswordAction",
  staffPasswordStepSchema,
  async (input, { request }) => {
    const r = await authenticateStaff(db, request, input);
    if (!r.ok) return { ok: false, fieldErrors: {}, formError: r.message, code: r.code };
    await setStaffSignInCookie(r.token);
    return { ok: true, data: { step: r.step satisfies SignInStep } };
  },
);

/** Asked when the 登录名 is left: will the password step want the graphic captcha? */
export const staffCaptchaAction = publicAction(
  "staffCaptchaAction",
  staffLoginNameSchema,
  async (input, { request }) => ({
    ok: true,
    data: { captcha: await staffCaptchaNeededFor(db, request, input.username) },
  }),
);
