"use server";

import { db } from "@/lib/db/client";
import { personAction } from "@/lib/auth/action-client";
import { changePhone } from "@/lib/account/phone-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { refusalResult } from "@/lib/http/action-result";
import { changePhoneSchema, sendChangePhoneCodeSchema } from "./change-phone.validation";

export const sendChangePhoneCode = personAction(
  "sendChangePhoneCode",
  sendChangePhoneCodeSchema,
  async ({ newPhone, ...captcha }, { request, locale }) => {
    const r = await sendSmsCode(db, request, {
      phone: newPhone,
      phoneField: "newPhone",
      purpose: "change-phone",
      locale,
      ...captcha,
    });
    return r.ok
      ? { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } }
      : refusalResult(r);
  },
);

export const changePhoneAction = personAction(
  "changePhoneAction",
  changePhoneSchema,
  async (input, { request, session }) => {
    const r = await changePhone(db, request, session, input);
    return r.ok ? { ok: true, data: null } : refusalResult(r);
  },
);
