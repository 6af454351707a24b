"use server";

import { db } from "@/lib/db/client";
import { publicAction, fieldError } from "@/lib/auth/action-client";
import { registerPerson } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { registrationSchema, sendRegisterCodeSchema } from "./register.validation";

/** 获取短信验证码 for 用户注册. The same answer whether or not the number is registered. */
export const sendRegisterCode = publicAction(
  "sendRegisterCode",
  sendRegisterCodeSchema,
  async (input, { request }) => {
    const r = await sendSmsCode(db, request, { ...input, purpose: "register" });
    if (!r.ok) return fieldError(r.field === "captcha" ? "captchaAnswer" : "phone", r.message);
    return { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } };
  },
);

/** 注册: creates the account; the wizard then goes to 登录. */
export const register = publicAction("register", registrationSchema, async (input, { request }) => {
  const r = await registerPerson(db, request, input);
  if (!r.ok)
    return {
      ok: false,
      fieldErrors: { [r.field]: r.message },
      formError: r.code === "id-registered" ? "id-registered" : undefined,
    };
  return { ok: true, data: null };
});
