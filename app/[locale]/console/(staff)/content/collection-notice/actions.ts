"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod/mini";
import { staffAction } from "@/lib/auth/action-client";
import { revalidateContentBlocks } from "@/lib/cache/published";
import { resetContentBlock, saveContentBlock } from "@/lib/content/content-admin";
import { contentBlockSchema } from "@/lib/content/content-schema";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";

function afterChange(): void {
  // The wizard's 阅读须知 reads the text through the published-content cache.
  revalidateContentBlocks();
  revalidatePath("/console/content/collection-notice");
}

/** 保存 the 采集须知 of the staff member's region. */
export const saveCollectionNoticeAction = staffAction(
  "saveCollectionNoticeAction",
  "staff-admin",
  contentBlockSchema,
  async (input, { request, staff }): Promise<ActionResult> => {
    const r = await saveContentBlock(db, request, staffActor(staff), "collection-notice", input);
    if (!r.ok) return refusalResult(r);
    afterChange();
    return { ok: true, data: null };
  },
);

/** 恢复使用上级文本: the region's own text removed. */
export const resetCollectionNoticeAction = staffAction(
  "resetCollectionNoticeAction",
  "staff-admin",
  z.object({}),
  async (_, { request, staff }): Promise<ActionResult> => {
    const r = await resetContentBlock(db, request, staffActor(staff), "collection-notice");
    if (!r.ok) return refusalResult(r);
    afterChange();
    return { ok: true, data: null };
  },
);
