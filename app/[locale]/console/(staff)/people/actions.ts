"use server";

import { fieldError, staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/http/action-result";
import { findPersonInScope, revealIdNumber } from "@/lib/staff/person-lookup";
import { staffActor } from "@/lib/staff/staff-session";
import { idSearchSchema, revealSchema } from "./search.validation";

/**
 * 按证件号码查询: the person's id within the staff member's region (audited in the service); the
 * page then opens /console/people/<id>. Someone of another region is "not found".
 */
export const findPersonByIdNumberAction = staffAction(
  "findPersonByIdNumberAction",
  "archive-read",
  idSearchSchema,
  async ({ idNumber }, { request, staff }): Promise<ActionResult<{ personId: string }>> => {
    const r = await findPersonInScope(db, request, staffActor(staff), idNumber);
    return r.ok ? { ok: true, data: { personId: r.personId } } : fieldError("idNumber", r.message);
  },
);

/** 显示完整证件号码: one person's number, for this answer only (audited in the service). */
export const revealIdNumberAction = staffAction(
  "revealIdNumberAction",
  "archive-read",
  revealSchema,
  async ({ personId }, { request, staff }): Promise<ActionResult<{ idNumber: string }>> => {
    const r = await revealIdNumber(db, request, staffActor(staff), personId);
    return r.ok
      ? { ok: true, data: { idNumber: r.idNumber } }
      : { ok: false, fieldErrors: {}, formError: r.message };
  },
);
