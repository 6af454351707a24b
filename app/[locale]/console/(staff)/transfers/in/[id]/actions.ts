"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { reviewTransferIn } from "@/lib/transfer/in-review";
import { reviewSchema } from "@/lib/transfer/schemas/out-application";

/** 审核通过 / 审核不通过 of one 调入申请, before its automatic review; reason required. */
export const reviewInAction = staffAction(
  "reviewInAction",
  "transfer-review",
  reviewSchema,
  async ({ id, decision, reason }, { request, staff }): Promise<ActionResult> => {
    const r = await reviewTransferIn(db, request, { type: "staff", scope: staffActor(staff) }, id, {
      decision,
      reason,
    });
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
