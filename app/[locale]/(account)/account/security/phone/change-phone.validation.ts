import * as z from "zod/mini";
import { captchaSchema, smsCodeSchema } from "@/lib/account/field-schemas";
import { mobileSchema } from "@/lib/phone/mobile";

// 更换手机号: password again + a code sent to the new number.
export const sendChangePhoneCodeSchema = z.object({ newPhone: mobileSchema, ...captchaSchema });

export const changePhoneSchema = z.object({
  password: z.string().check(z.minLength(1, "请输入登录密码"), z.maxLength(128, "密码过长")),
  newPhone: mobileSchema,
  smsCode: smsCodeSchema,
});

export type ChangePhoneValues = z.input<typeof changePhoneSchema>;
