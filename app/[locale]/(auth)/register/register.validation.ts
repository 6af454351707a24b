import * as z from "zod/mini";
import {
  captchaSchema,
  idNumberInputSchema,
  passwordInputSchema,
  personNameSchema,
  refineDocumentNumber,
  refinePasswordPair,
  smsCodeSchema,
} from "@/lib/account/field-schemas";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { documentTypeSchema } from "@/lib/identity/document-type-schema";
import { mobileSchema, normalizeMobile } from "@/lib/phone/mobile";

// Shared by the 用户注册 form (field messages as the user types) and its server actions. The
// questions before the form (信息采集对象) are in eligibility.ts.

export const sendRegisterCodeSchema = z.object({ phone: mobileSchema, ...captchaSchema });

export const registrationSchema = z
  .object({
    name: personNameSchema,
    idType: documentTypeSchema,
    idNumber: idNumberInputSchema,
    phone: mobileSchema,
    smsCode: smsCodeSchema,
    password: passwordInputSchema,
    confirmPassword: z
      .string({ error: () => "请再次输入密码" })
      .check(z.minLength(1, "请再次输入密码")),
  })
  .check(
    z.superRefine((v, ctx) => {
      const idNumber = text(v.idNumber);
      const doc = refineDocumentNumber(v, ctx);
      const phone = text(v.phone);
      refinePasswordPair(
        v,
        { idNumber: doc?.ok ? doc.normalized : idNumber, phone: normalizeMobile(phone) ?? phone },
        ctx,
      );
    }, ALWAYS),
  );

export type RegistrationValues = z.input<typeof registrationSchema>;
