"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { deleteHolidayDay, saveHolidayDay } from "@/lib/workdays/holiday-service";
import { holidayDateSchema, holidayDaySchema } from "@/lib/workdays/schemas/holiday-day";

/** 保存 one 放假 or 调休上班 day (new, or a change of one already listed); province staff only. */
export const saveHolidayAction = staffAction(
  "saveHolidayAction",
  "staff-admin",
  holidayDaySchema,
  async (input, { request, staff }): Promise<ActionResult<{ year: number }>> => {
    const r = await saveHolidayDay(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    // The 工作台 shows the years without data.
    revalidatePath("/console", "layout");
    return { ok: true, data: { year: r.year } };
  },
);

/** 删除 one day: it becomes an ordinary day of the week again. */
export const deleteHolidayAction = staffAction(
  "deleteHolidayAction",
  "staff-admin",
  holidayDateSchema,
  async (input, { request, staff }): Promise<ActionResult> => {
    const r = await deleteHolidayDay(db, request, staffActor(staff), input);
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
