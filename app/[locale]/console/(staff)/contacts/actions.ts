"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { revalidateFinanceContacts } from "@/lib/cache/published";
import { db } from "@/lib/db/client";
import { saveFinanceContact } from "@/lib/help/contact-admin";
import { financeContactSchema } from "@/lib/help/schemas/finance-contact";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";

/** 保存 one office's 财政部门联系方式 (the staff member's own office or one below it). */
export const saveFinanceContactAction = staffAction(
  "saveFinanceContactAction",
  "staff-admin",
  financeContactSchema,
  async (input, { request, staff }): Promise<ActionResult> => {
    const r = await saveFinanceContact(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    // The 帮助 page reads the contacts through the published-content cache.
    revalidateFinanceContacts();
    revalidatePath("/console/contacts");
    return { ok: true, data: null };
  },
);
