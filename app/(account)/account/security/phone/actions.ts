"use server";

import { db } from "@/lib/db/client";
import { fieldError, personAction } from "@/lib/auth/action-client";
import { changePhone } from "@/lib/account/phone-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { changePhoneSchema, sendChangePhoneCodeSchema } from "./change-phone.validation";

export const sendChangePhoneCode = personAction(
  "sendChangePhoneCode",
  sendChangePhoneCodeSchema,
  async ({ newPhone, ...captcha }, { request }) => {
    const r = await sendSmsCode(db, request, {
      phone: newPhone,
      purpose: "change-phone",
      ...captcha,
    });
    if (!r.ok) return fieldError(r.field === "captcha" ? "captchaAnswer" : "newPhone", r.message);
    return { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } };
  },
);

export const changePhoneAction = personAction(
  "changePhoneAction",
  changePhoneSchema,
  async (input, { request, session }) => {
    const r = await changePhone(db, request, session, input);
    return r.ok ? { ok: true, data: null } : fieldError(r.field, r.message);
  },
);
