"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { reviewClaim } from "@/lib/ce/claim-review";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { reviewSchema } from "./review.validation";

/** 认定 / 不予认定 of one claim; the service checks the region and that it still awaits review. */
export const reviewClaimAction = staffAction(
  "reviewClaimAction",
  "ce-review",
  reviewSchema,
  async ({ id, decision, reason }, { request, staff }): Promise<ActionResult> => {
    const r = await reviewClaim(db, request, staffActor(staff), id, decision, reason);
    // "stale": decided meanwhile by a colleague; the form shows what is stored now.
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
