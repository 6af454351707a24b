"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { personAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { destinationRegions } from "@/lib/exchange/members";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import { applyForTransferOut } from "@/lib/transfer/out-apply";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import { outApplicationSchema, transferIdSchema } from "@/lib/transfer/schemas/out-application";
import { holidayCalendar } from "@/lib/workdays/holiday-service";

// 人员调转's actions: thin — parse, the person's session, the service, revalidate.

export const applyOutAction = personAction(
  "applyOutAction",
  outApplicationSchema,
  async (input, { request, session }): Promise<ActionResult<{ id: string }>> => {
    const r = await applyForTransferOut(db, request, session, input, await holidayCalendar(db));
    if (!r.ok) return refusalResult(r);
    revalidatePath("/account", "layout");
    return { ok: true, data: { id: r.id } };
  },
);

export const withdrawOutAction = personAction(
  "withdrawOutAction",
  transferIdSchema,
  async ({ id }, { request, session }): Promise<ActionResult> => {
    const r = await withdrawTransferOut(db, request, session, id);
    if (!r.ok) return refusalResult(r);
    revalidatePath("/account", "layout");
    return { ok: true, data: null };
  },
);

/** The chosen destination's own division table, for the region picker (the whole is ≈ 250 KB). */
export const destinationRegionsAction = personAction(
  "destinationRegionsAction",
  z.object({ member: z.string().regex(/^\d{6}$/, "请选择调入省份") }),
  async ({ member }): Promise<ActionResult<JurisdictionRegions>> => {
    const regions = destinationRegions(member);
    if (!regions) return { ok: false, fieldErrors: { destMember: "请选择调入省份" } };
    return { ok: true, data: regions };
  },
);
