import * as z from "zod/mini";
import { requiredText } from "@/lib/collection/schemas/fields";

// 通知公告's forms, run in the browser and again in the service (notice-admin.ts). The body is
// the editor's text — paragraphs and a few allowed tags; the service sanitises it (sanitise.ts).

export const MAX_NOTICE_TITLE = 200;
/** About 20 pages of text: far more than a notice needs, small enough for one row. */
export const MAX_NOTICE_BODY = 20_000;

const noticeId = z.string().check(z.maxLength(64));

export const noticeFormSchema = z.object({
  title: requiredText("标题", MAX_NOTICE_TITLE),
  body: requiredText("正文", MAX_NOTICE_BODY),
});
export type NoticeFormValues = z.input<typeof noticeFormSchema>;

/** 保存: a new draft without id, a change of an existing notice with it. */
export const noticeSaveSchema = z.extend(noticeFormSchema, { id: z.optional(noticeId) });

/** 预览: the editor's text, sanitised on the server exactly as a save would. */
export const noticePreviewSchema = z.object({
  body: z.string().check(z.maxLength(MAX_NOTICE_BODY, `正文不能超过${MAX_NOTICE_BODY}个字`)),
});

const BEIJING_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** 发布: at once ("" ), or at a Beijing time as a datetime-local input gives it. */
export const noticePublishSchema = z.object({
  id: noticeId,
  at: z.string().check(
    z.trim(),
    z.refine((v) => v === "" || (BEIJING_MINUTE.test(v) && beijingMinute(v) !== null), {
      message: "请选择正确的发布时间",
    }),
  ),
});
export type NoticePublishValues = z.input<typeof noticePublishSchema>;

export const noticeIdSchema = z.object({ id: noticeId });

/** "2026-12-05T09:00" read as Beijing time (UTC+8, no daylight saving); null if no such time. */
export function beijingMinute(value: string): Date | null {
  if (!BEIJING_MINUTE.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Rejects rolled-over dates such as 02-30.
  const back = new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  return back === value ? date : null;
}
