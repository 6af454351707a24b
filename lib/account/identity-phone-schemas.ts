import * as z from "zod/mini";
import { documentTypeSchema } from "@/lib/identity/document-type-schema";
import { mobileSchema } from "@/lib/phone/mobile";
import {
  captchaSchema,
  idNumberInputSchema,
  personNameSchema,
  smsCodeSchema,
} from "./field-schemas";

// Apart from field-schemas.ts, which every account form loads: the phone's rule brings China's
// numbering plan (libphonenumber-js) with it, and the staff's sign-in forms need none of it.

/**
 * Who a person is and the phone they prove with its code, as 注册, 账号申诉 and 省外调入 ask it
 * (IdentityFields and SmsCodeFields); the object's refinement adds refineDocumentNumber.
 */
export const identityWithPhoneFields = {
  name: personNameSchema,
  idType: documentTypeSchema,
  idNumber: idNumberInputSchema,
  phone: mobileSchema,
  smsCode: smsCodeSchema,
};

/** 获取短信验证码 for a number typed on the page, behind the captcha. */
export const sendPhoneCodeSchema = z.object({ phone: mobileSchema, ...captchaSchema });
