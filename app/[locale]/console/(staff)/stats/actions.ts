"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { recomputeNow } from "@/lib/stats/recompute";
import { staffActor } from "@/lib/staff/staff-session";
import { recomputeSchema } from "./recompute.validation";

/** 立即更新 the statistics: province administrators, at most once a minute (the service says). */
export const recomputeStatsAction = staffAction(
  "recomputeStatsAction",
  "staff-admin",
  recomputeSchema,
  async (_input, { request, staff }): Promise<ActionResult<{ computedAt: string }>> => {
    const r = await recomputeNow(db, request, staffActor(staff));
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console/stats");
    return { ok: true, data: { computedAt: r.computedAt.toISOString() } };
  },
);
