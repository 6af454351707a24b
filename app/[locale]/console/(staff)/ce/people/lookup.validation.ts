import * as z from "zod/mini";

/** 按证件号码查找: the number as typed (the server folds case, spaces and full-width forms). */
export const lookupSchema = z.object({
  idNumber: z
    .string()
    .check(z.trim(), z.minLength(1, "请输入证件号码"), z.maxLength(40, "证件号码过长")),
});
export type LookupValues = z.input<typeof lookupSchema>;
