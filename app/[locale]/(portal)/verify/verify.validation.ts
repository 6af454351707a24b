import * as z from "zod/mini";
import { CODE_MALFORMED, CODE_REQUIRED, normaliseCode } from "@/lib/verification/code-format";

// 档案核验's form: the code as typed (the service reads it again with normaliseCode), and the
// captcha once the server has asked for it.
export const verifySchema = z.object({
  code: z.string().check(
    z.trim(),
    z.minLength(1, CODE_REQUIRED),
    z.maxLength(40, CODE_MALFORMED),
    // an empty field has its own message above
    z.refine((v) => v.trim() === "" || normaliseCode(v) !== null, CODE_MALFORMED),
  ),
  captchaId: z.optional(z.string().check(z.maxLength(64))),
  captchaAnswer: z.optional(z.string().check(z.maxLength(16))),
});
