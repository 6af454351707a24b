import "server-only";
import { type RequestContext, writeAudits } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { regionWithin, type StaffScope } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { isUuid } from "@/lib/utils/uuid";
import { categoryFor } from "./credit-kinds";
import { courseEntrySchema, type CourseEntryInput } from "./credit-schemas";
import { refreshCeYearTotal, refreshCeYearTotals } from "@/lib/search/ce-year-total";
import {
  auditCredit,
  type CeResult,
  claimContext,
  CREDIT_NOT_FOUND,
  invalid,
  lockPerson,
  type RefuseCe,
  staffAudit,
  staffCredit,
} from "./record-steps";

// Provider courses, entered by finance staff for a person of their region (one at a time here, a
// whole Excel sheet in course-import.ts): 学习中 until marked 已学完, or 已学完 at once. An
// enrolled course is 在途未完成数据 and locks the person's region until finished.

export const DUPLICATE_COURSE = "该会计人员本年度已登记过这门课程，请勿重复登记";
export const NOT_ENROLLED = "该课程不是“学习中”状态，不能标记为已学完";
export const PERSON_NOT_COLLECTED = "该会计人员尚未完成信息采集，不能登记继续教育学分";
const COURSE_INVALID = "课程信息有误，请按提示修改";

export interface CourseRecordInput {
  personId: string;
  year: unknown;
  courseName: unknown;
  provider: unknown;
  category: unknown;
  credits: unknown;
  /** true: 已学完 at once; false: 学习中 until completeCourse. */
  completed: boolean;
}

/** A provider course entered by finance staff for a person of their region. */
export async function recordCourse(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  input: CourseRecordInput,
  now = new Date(),
): Promise<CeResult<{ id: string }>> {
  if (!holdsAny(reviewer, ["ce-course"])) return ROLE_REFUSAL;
  const { personId, completed, ...entry } = input;
  if (!isUuid(personId)) return { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
  const person = await db.person.findUnique({
    where: { id: personId },
    select: { regionCode: true },
  });
  if (!person) return { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
  // outside the region reads exactly like nobody
  if (!regionWithin(person.regionCode, reviewer.regionCodes)) {
    return { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
  }
  const context = await claimContext(db, personId, now, "staff");
  if (!context) return { ok: false, reason: "not-collected", message: PERSON_NOT_COLLECTED };
  const parsed = courseEntrySchema(context).safeParse(entry);
  if (!parsed.success) return invalid(fieldErrorsFromIssues(parsed.error.issues), COURSE_INVALID);
  const course = parsed.data;

  return refusableTransaction<CeResult<{ id: string }>>(db, async (tx, refuse) => {
    const [id] = await insertCourses(
      tx,
      refuse,
      ctx,
      reviewer,
      [{ personId, course, completed }],
      now,
    );
    return { ok: true as const, id: id! };
  });
}

export interface CourseToRecord {
  personId: string;
  course: CourseEntryInput;
  /** true: 已学完 at once; false: 学习中 until completeCourse. */
  completed: boolean;
}

/**
 * Writes provider courses inside the caller's transaction (one entry, or a whole Excel import):
 * each person's row locked once, in id order (two imports naming the same people cannot
 * deadlock), refusing a transfer-out and a person no longer in the reviewer's region; then one
 * duplicate query, one insert and one audit insert for all. A refusal goes to `refuse`, the
 * caller's refusableTransaction, and rolls everything back.
 */
export async function insertCourses(
  tx: Tx,
  refuse: RefuseCe,
  ctx: RequestContext,
  reviewer: StaffScope,
  items: readonly CourseToRecord[],
  now: Date,
): Promise<string[]> {
  const personIds = [...new Set(items.map((i) => i.personId))].sort();
  const regionOf = new Map<string, string>();
  for (const personId of personIds) {
    const { regionCode } = await lockPerson(tx, refuse, personId, "staff");
    // The person may have moved since the caller's check; the row lock holds the region now.
    if (!regionWithin(regionCode, reviewer.regionCodes)) {
      return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
    }
    regionOf.set(personId, regionCode);
  }
  // Under the row locks, so a double click, two colleagues or two imports of one file cannot
  // both write a course: its credits would count twice.
  const key = (personId: string, year: number, title: string) =>
    `${personId}|${year}|${title.toLowerCase()}`;
  const recorded = await tx.ceCredit.findMany({
    where: {
      personId: { in: personIds },
      kind: "COURSE",
      year: { in: [...new Set(items.map((i) => i.course.year))] },
    },
    select: { personId: true, year: true, title: true },
  });
  const taken = new Set(recorded.map((c) => key(c.personId, c.year, c.title)));
  for (const { personId, course } of items) {
    const k = key(personId, course.year, course.courseName);
    if (taken.has(k)) return refuse({ ok: false, reason: "duplicate", message: DUPLICATE_COURSE });
    taken.add(k);
  }
  const created = await tx.ceCredit.createManyAndReturn({
    data: items.map(({ personId, course, completed }) => ({
      personId,
      regionCode: regionOf.get(personId)!,
      year: course.year,
      kind: "COURSE",
      category: categoryFor("COURSE", course.category),
      credits: course.credits.toFixed(1),
      state: completed ? "completed" : "enrolled",
      title: course.courseName,
      details: { courseName: course.courseName, provider: course.provider },
      createdAt: now,
    })),
    select: {
      id: true,
      personId: true,
      regionCode: true,
      year: true,
      category: true,
      credits: true,
      state: true,
    },
  });
  await refreshCeYearTotals(tx, created, now);
  await writeAudits(
    tx,
    ctx,
    created.map((c) => ({
      ...staffAudit(reviewer, c.regionCode),
      action: "ce.course-record" as const,
      outcome: "success" as const,
      targetType: "ce-credit",
      targetId: c.id,
      details: {
        personId: c.personId,
        year: c.year,
        category: c.category,
        credits: c.credits.toNumber(),
        state: c.state,
      },
    })),
  );
  return created.map((c) => c.id);
}

/** 学习中 → 已学完 for a provider course of the reviewer's region. */
export async function completeCourse(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  id: string,
  now = new Date(),
): Promise<CeResult> {
  if (!holdsAny(reviewer, ["ce-course"])) return ROLE_REFUSAL;
  return refusableTransaction<CeResult>(db, async (tx, refuse) => {
    const course = await staffCredit(tx, refuse, id, reviewer);
    if (course.kind !== "COURSE") {
      return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
    }
    await lockPerson(tx, refuse, course.personId, "staff");
    const updated = await tx.ceCredit.updateMany({
      where: { id, state: "enrolled" },
      data: { state: "completed", updatedAt: now },
    });
    if (updated.count === 0) return refuse({ ok: false, reason: "stale", message: NOT_ENROLLED });
    await refreshCeYearTotal(tx, course.personId, course.year, now);
    await auditCredit(tx, ctx, staffAudit(reviewer, course.regionCode), "ce.course-complete", id, {
      personId: course.personId,
      year: course.year,
    });
    return { ok: true as const };
  });
}
