"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/lib/auth/action-client";
import { captchaNeededFor } from "@/lib/account/login-service";
import { loginNameSchema } from "./login.validation";

/**
 * Asked when the 证件号码 is left: will 登录 want the graphic captcha? (The login itself goes
 * through next-auth.) The service answers only what a login would, within a budget per address.
 */
export const loginCaptchaAction = publicAction(
  "loginCaptchaAction",
  loginNameSchema,
  async (input, { request }) => ({
    ok: true,
    data: { captcha: await captchaNeededFor(db, request, input.idNumber) },
  }),
);
