import * as z from "zod/mini";
import {
  captchaSchema,
  passwordInputSchema,
  personNameSchema,
  refinePasswordPair,
  smsCodeSchema,
} from "@/lib/account/field-schemas";
import { ALWAYS, text } from "@/lib/utils/refinement";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { documentTypeSchema, isDocumentTypeCode } from "@/lib/identity/document-types";
import { mobileSchema, normalizeMobile } from "@/lib/phone/mobile";

// Shared by the 用户注册 form (field messages as the user types) and its server actions. The
// questions before the form (信息采集对象) are in eligibility.ts.

export const sendRegisterCodeSchema = z.object({ phone: mobileSchema, ...captchaSchema });

export const registrationSchema = z
  .object({
    name: personNameSchema,
    idType: documentTypeSchema,
    idNumber: z.string({ error: () => "请输入证件号码" }).check(z.maxLength(40, "证件号码过长")),
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
      const doc = isDocumentTypeCode(v.idType)
        ? validateDocumentNumber(v.idType, idNumber, new Date())
        : null;
      if (doc && !doc.ok)
        ctx.addIssue({ code: "custom", message: doc.message, path: ["idNumber"] });
      const phone = text(v.phone);
      refinePasswordPair(
        v,
        { idNumber: doc?.ok ? doc.normalized : idNumber, phone: normalizeMobile(phone) ?? phone },
        ctx,
      );
    }, ALWAYS),
  );

export type RegistrationValues = z.input<typeof registrationSchema>;
