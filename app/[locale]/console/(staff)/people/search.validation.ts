import * as z from "zod/mini";

// 人员查询's two posted forms. The filter itself (name, region, states, sort) travels in the URL
// and is checked by lib/search/search-filter.ts; the 证件号码 never does: it is posted here and
// answered with the person's id, so no URL, access log or browser history holds a number.

/** 按证件号码查询: the number as typed (the server folds case, spaces and full-width forms). */
export const idSearchSchema = z.object({
  idNumber: z
    .string()
    .check(z.trim(), z.minLength(1, "请输入证件号码"), z.maxLength(40, "证件号码过长")),
});
export type IdSearchValues = z.input<typeof idSearchSchema>;

/** 显示完整证件号码 of one person of the list. */
export const revealSchema = z.object({
  personId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "人员标识无效")),
});
