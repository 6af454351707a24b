"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { personAction } from "@/lib/auth/action-client";
import { submitClaim, withdrawClaim } from "@/lib/ce/claims";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";

// 继续教育's actions: thin. The claim's schema needs the person's obligation start, which only the
// server knows for sure, so submitClaim parses the input with the very schema the form ran
// (anyClaimSchema of lib/ce/credit-kinds.ts); here the input is only shaped as an object.

const claimInput = z.record(z.string(), z.unknown());

export const submitClaimAction = personAction(
  "submitClaimAction",
  claimInput,
  async (input, { request, session }): Promise<ActionResult<{ id: string }>> => {
    const r = await submitClaim(db, request, session, input);
    if (r.ok) {
      revalidatePath("/account", "layout");
      return { ok: true, data: { id: r.id } };
    }
    return refusalResult(r);
  },
);

const withdrawInput = z.object({ id: z.string().max(64) });

export const withdrawClaimAction = personAction(
  "withdrawClaimAction",
  withdrawInput,
  async ({ id }, { request, session }): Promise<ActionResult> => {
    const r = await withdrawClaim(db, request, session, id);
    if (!r.ok) return refusalResult(r);
    revalidatePath("/account", "layout");
    return { ok: true, data: null };
  },
);
