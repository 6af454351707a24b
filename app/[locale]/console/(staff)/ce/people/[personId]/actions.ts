"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action-client";
import { completeCourse, recordCourse } from "@/lib/ce/courses";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { courseActionInput } from "./course.validation";

/** 登记课程学分 for a person of the staff member's region. */
export const recordCourseAction = staffAction(
  "recordCourseAction",
  "ce-course",
  courseActionInput,
  async (input, { request, staff }): Promise<ActionResult<{ id: string }>> => {
    const { personId, status, year, courseName, provider, category, credits } = input;
    const r = await recordCourse(db, request, staffActor(staff), {
      personId,
      year,
      courseName,
      provider,
      category,
      credits,
      completed: status === "completed",
    });
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: { id: r.id } };
  },
);

/** 学习中 → 已学完. */
export const completeCourseAction = staffAction(
  "completeCourseAction",
  "ce-course",
  z.object({ id: z.string().max(64) }),
  async ({ id }, { request, staff }): Promise<ActionResult> => {
    const r = await completeCourse(db, request, staffActor(staff), id);
    if (!r.ok) return refusalResult(r);
    revalidatePath("/console", "layout");
    return { ok: true, data: null };
  },
);
