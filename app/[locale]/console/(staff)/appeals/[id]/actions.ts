"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { decideAppeal } from "@/lib/appeal/decide";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { decideSchema } from "./decide.validation";

/** 通过（改绑） / 不通过 of one appeal; the service checks the role, the region and that it is pending. */
export const decideAppealAction = staffAction(
  "decideAppealAction",
  "identity-review",
  decideSchema,
  async ({ id, decision, reason }, { request, staff }): Promise<ActionResult> => {
    const r = await decideAppeal(db, request, staffActor(staff), { id, decision, reason });
    // "stale": decided meanwhile by a colleague; the form shows what is stored now.
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
