"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { revalidateFinanceContacts } from "@/lib/cache/published";
import { db } from "@/lib/db/client";
import { removeFinanceContact, saveFinanceContact } from "@/lib/help/contact-admin";
import {
  financeContactSchema,
  removeFinanceContactSchema,
} from "@/lib/help/schemas/finance-contact";
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

/** 删除 one office's contact: the 帮助 page stops showing it. */
export const removeFinanceContactAction = staffAction(
  "removeFinanceContactAction",
  "staff-admin",
  removeFinanceContactSchema,
  async ({ regionCode }, { request, staff }): Promise<ActionResult> => {
    const r = await removeFinanceContact(db, request, staffActor(staff), regionCode);
    if (!r.ok) return refusalResult(r);
    revalidateFinanceContacts();
    revalidatePath("/console/contacts");
    return { ok: true, data: null };
  },
);
