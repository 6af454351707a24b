"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/lib/auth/action-client";
import { phoneMatchesAccount, resetPassword } from "@/lib/account/password-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { refusalResult } from "@/lib/http/action-result";
import { resetPasswordSchema, sendResetCodeSchema } from "./forgot-password.validation";

/**
 * 获取短信验证码 for 找回密码. The code reaches the phone only if it is the account's registered
 * number; the page says the same either way, so it reveals nothing about the account.
 */
export const sendResetCode = publicAction(
  "sendResetCode",
  sendResetCodeSchema,
  async ({ idNumber, ...input }, { request, locale }) => {
    const r = await sendSmsCode(db, request, {
      ...input,
      purpose: "reset-password",
      locale, // the language of the page it was asked from
      deliverTo: (tx) => phoneMatchesAccount(tx, idNumber, input.phone),
    });
    return r.ok
      ? { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } }
      : refusalResult(r);
  },
);

export const resetPasswordAction = publicAction(
  "resetPasswordAction",
  resetPasswordSchema,
  async (input, { request }) => {
    const r = await resetPassword(db, request, input);
    return r.ok ? { ok: true, data: null } : refusalResult(r);
  },
);
