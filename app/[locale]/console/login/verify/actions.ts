"use server";

import { db } from "@/lib/db/client";
import { staffSignInAction } from "@/lib/auth/action-client";
import { refusalResult } from "@/lib/http/action-result";
import { verifyCodeSchema } from "@/lib/staff/schemas/sign-in";
import { verifySecondFactor } from "@/lib/staff/second-factor-service";

/** 动态验证码 (or a recovery code): answers the next step and, after a recovery code, how many remain. */
export const verifyCodeAction = staffSignInAction(
  "verifyCodeAction",
  verifyCodeSchema,
  async (input, { request, token }) => {
    const r = await verifySecondFactor(db, request, token, input);
    return r.ok
      ? { ok: true, data: { step: r.step, recoveryCodesLeft: r.recoveryCodesLeft } }
      : refusalResult(r);
  },
);
