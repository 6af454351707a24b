"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, personAction } from "@/lib/auth/action-client";
import { submitClaim, withdrawClaim } from "@/lib/ce/credit-service";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/http/action-result";

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
    if (r.reason === "invalid")
      return { ok: false, fieldErrors: r.fieldErrors, formError: r.message };
    return formError(r.message);
  },
);

const withdrawInput = z.object({ id: z.string().max(64) });

export const withdrawClaimAction = personAction(
  "withdrawClaimAction",
  withdrawInput,
  async ({ id }, { request, session }): Promise<ActionResult> => {
    const r = await withdrawClaim(db, request, session, id);
    if (!r.ok) return formError(r.message);
    revalidatePath("/account", "layout");
    return { ok: true, data: null };
  },
);
