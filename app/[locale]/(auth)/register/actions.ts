"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/lib/auth/action-client";
import { registerPerson } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { refusalResult } from "@/lib/http/action-result";
import { fileHeldElsewhere } from "@/lib/transfer/file-registry";
import { registrationSchema, sendRegisterCodeSchema } from "./register.validation";

/** 获取短信验证码 for 用户注册. The same answer whether or not the number is registered. */
export const sendRegisterCode = publicAction(
  "sendRegisterCode",
  sendRegisterCodeSchema,
  async (input, { request, locale }) => {
    // The SMS is written in the language of the page it was asked from.
    const r = await sendSmsCode(db, request, { ...input, purpose: "register", locale });
    return r.ok
      ? { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } }
      : refusalResult(r);
  },
);

/**
 * 注册: creates the account; the wizard then goes to 登录. Code "id-registered" offers 找回密码;
 * a file held by another platform (the exchange's registry) is refused at 证件号码.
 */
export const register = publicAction("register", registrationSchema, async (input, { request }) => {
  const r = await registerPerson(db, request, input, new Date(), (idNumber) =>
    fileHeldElsewhere(idNumber),
  );
  return r.ok ? { ok: true, data: null } : refusalResult(r);
});
