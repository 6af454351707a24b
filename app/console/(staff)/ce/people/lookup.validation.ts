import { z } from "zod";

/** 按证件号码查找: the number as typed (the server folds case, spaces and full-width forms). */
export const lookupSchema = z.object({
  idNumber: z.string().trim().min(1, "请输入证件号码").max(40, "证件号码过长"),
});
export type LookupValues = z.input<typeof lookupSchema>;
