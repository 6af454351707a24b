"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { revalidateNotices } from "@/lib/cache/published";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { publishNotice, saveNotice, withdrawNotice } from "@/lib/notice/notice-admin";
import {
  noticeIdSchema,
  noticePreviewSchema,
  noticePublishSchema,
  noticeSaveSchema,
} from "@/lib/notice/notice-schema";
import { noticeBodyToHtml } from "@/lib/notice/sanitise";
import { staffActor } from "@/lib/staff/staff-session";

// 通知公告's actions. Whatever changes a notice also tells the portal's cache (revalidateNotices):
// a draft's save changes nothing public, an edit of a published one does.

function afterChange(status: string): void {
  if (status !== "draft") revalidateNotices();
  revalidatePath("/console/notices", "layout");
}

/** 保存: a new draft, or a change of a draft or a published notice. */
export const saveNoticeAction = staffAction(
  "saveNoticeAction",
  "staff-admin",
  noticeSaveSchema,
  async (input, { request, staff }): Promise<ActionResult<{ id: string }>> => {
    const r = await saveNotice(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    afterChange(r.status);
    return { ok: true, data: { id: r.id } };
  },
);

/** 预览: the editor's text as the portal would show it once saved — the server's sanitiser. */
export const previewNoticeAction = staffAction(
  "previewNoticeAction",
  "staff-admin",
  noticePreviewSchema,
  async ({ body }): Promise<ActionResult<{ html: string }>> => ({
    ok: true,
    data: { html: noticeBodyToHtml(body) },
  }),
);

/** 发布: at once or at a chosen time. */
export const publishNoticeAction = staffAction(
  "publishNoticeAction",
  "staff-admin",
  noticePublishSchema,
  async (input, { request, staff }): Promise<ActionResult> => {
    const r = await publishNotice(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    afterChange(r.status);
    return { ok: true, data: null };
  },
);

/** 撤回: the portal stops showing it. */
export const withdrawNoticeAction = staffAction(
  "withdrawNoticeAction",
  "staff-admin",
  noticeIdSchema,
  async (input, { request, staff }): Promise<ActionResult> => {
    const r = await withdrawNotice(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    afterChange(r.status);
    return { ok: true, data: null };
  },
);
