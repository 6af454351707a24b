"use server";

import { db } from "@/lib/db/client";
import { staffSignInAction } from "@/lib/auth/action-client";
import { refusalResult } from "@/lib/http/action-result";
import { confirmEnrolment } from "@/lib/staff/enrolment-service";
import { enrolCodeSchema } from "@/lib/staff/schemas/sign-in";

/** 绑定动态验证码: the authenticator's first code; answers the recovery codes, shown once. */
export const confirmEnrolmentAction = staffSignInAction(
  "confirmEnrolmentAction",
  enrolCodeSchema,
  async (input, { request, token }) => {
    const r = await confirmEnrolment(db, request, token, input);
    return r.ok ? { ok: true, data: { recoveryCodes: r.recoveryCodes } } : refusalResult(r);
  },
);
