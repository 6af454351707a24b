"use server";

import { revalidatePath } from "next/cache";
import { formError, staffAction } from "@/lib/auth/action-client";
import { reviewClaim } from "@/lib/ce/credit-service";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/http/action-result";
import { staffScope } from "@/lib/staff/staff-session";
import { reviewSchema } from "./review.validation";

/** 认定 / 不予认定 of one claim; the service checks the region and that it still awaits review. */
export const reviewClaimAction = staffAction(
  "reviewClaimAction",
  "ce-review",
  reviewSchema,
  async ({ id, decision, reason }, { request, staff }): Promise<ActionResult> => {
    const r = await reviewClaim(db, request, staffScope(staff), id, decision, reason);
    if (!r.ok) {
      if (r.reason === "invalid") {
        return { ok: false, fieldErrors: r.fieldErrors, formError: r.message };
      }
      // Decided meanwhile by a colleague: show what is stored now.
      return { ...formError(r.message), ...(r.reason === "state" ? { code: "stale" } : {}) };
    }
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
