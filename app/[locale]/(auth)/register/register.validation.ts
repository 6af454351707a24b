import * as z from "zod/mini";
import {
  passwordInputSchema,
  refineDocumentNumber,
  refinePasswordPair,
} from "@/lib/account/field-schemas";
import { identityWithPhoneFields, sendPhoneCodeSchema } from "@/lib/account/identity-phone-schemas";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { normalizeMobile } from "@/lib/phone/mobile";

// Shared by the 用户注册 form (field messages as the user types) and its server actions. The
// questions before the form (信息采集对象) are in eligibility.ts.

export const sendRegisterCodeSchema = sendPhoneCodeSchema;

export const registrationSchema = z
  .object({
    ...identityWithPhoneFields,
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
