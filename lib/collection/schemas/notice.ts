import * as z from "zod/mini";

// 阅读须知: the person must tick 承诺填写信息的真实性 before 下一步.

export const TRUTH_PLEDGE_REQUIRED = "请勾选“承诺填写信息的真实性”";

export const noticeSchema = z.object({
  truthPledge: z.literal(true, { error: () => TRUTH_PLEDGE_REQUIRED }),
});

export type NoticeInput = z.input<typeof noticeSchema>;
export type NoticeData = z.output<typeof noticeSchema>;
