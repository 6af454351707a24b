"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { createStaffAccount } from "@/lib/staff/staff-admin-service";
import { createStaffSchema } from "./create.validation";

/** 新建账号: answers the one-time initial password, which the page shows once. */
export const createStaffAccountAction = staffAction(
  "createStaffAccountAction",
  "staff-admin",
  createStaffSchema,
  async (input, { request, staff }): Promise<ActionResult<{ id: string; password: string }>> => {
    const r = await createStaffAccount(db, request, staff, input);
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console/staff");
    return { ok: true, data: { id: r.id, password: r.password } };
  },
);
