"use server";

import { fieldError, staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/http/action-result";
import { findPersonInScope } from "@/lib/staff/person-lookup";
import { staffActor } from "@/lib/staff/staff-session";
import { lookupSchema } from "./lookup.validation";

/**
 * Finds an accountant of the staff member's region by 证件号码 and answers with the person's id
 * only: the page then opens /console/ce/people/<id>, so the number never appears in a URL.
 */
export const lookupPersonAction = staffAction(
  "lookupPersonAction",
  "ce-course",
  lookupSchema,
  async ({ idNumber }, { request, staff }): Promise<ActionResult<{ personId: string }>> => {
    const r = await findPersonInScope(db, request, staffActor(staff), idNumber);
    return r.ok ? { ok: true, data: { personId: r.personId } } : fieldError("idNumber", r.message);
  },
);
