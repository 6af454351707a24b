import "server-only";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { idNumberIndex } from "@/lib/account/identifier";
import { maskIdNumber } from "@/lib/identity/mask";
import { transferLockReason } from "@/lib/person/locks";
import { PERSON_NOT_IN_SCOPE, regionWithin, type StaffScope } from "@/lib/region/scope";
import { holdsAny, ROLE_REFUSAL, type StaffActor } from "@/lib/codes/staff-roles";
import { beijingToday } from "@/lib/time/beijing";
import { insertCourses, PERSON_NOT_COLLECTED } from "./courses";
import { ceObligationStart } from "./overview";
import { type CeResult, PERSON_TRANSFER_LOCKED } from "./record-steps";
import {
  categoryFromCell,
  type CourseSheetRow,
  COURSE_STATUSES,
  courseStatusLabel,
  statusFromCell,
} from "./course-sheet";
import { CE_CATEGORIES } from "./credit-kinds";
import { type CourseEntryInput, courseEntrySchema } from "./credit-schemas";

// 课程学分导入: finance staff import a provider's course list from Excel. Every row is checked
// the way one entry is (the person is in the staff member's region and collected, not
// transferring out; the course passes courseEntrySchema with that person's obligation start), plus
// what only a list can get wrong: the name must match the number, a row must not repeat another
// row or a course already on record. The import is all or nothing: with any row wrong, nothing is
// written and every problem is listed by its line, so the file is fixed once and imported again.

const IMPORT_TIMEOUT_MS = 120_000;

export interface ImportRow {
  line: number;
  name: string;
  idNumberMasked: string;
  courseName: string;
  year: string;
  credits: string;
  category: string;
  status: string;
  /** Empty when the row can be imported. */
  errors: string[];
}

interface Ready {
  line: number;
  personId: string;
  course: CourseEntryInput;
  completed: boolean;
}

export type ImportCheck = {
  rows: ImportRow[];
  ready: Ready[];
  /** Ids of the people of the reviewer's region the sheet names. */
  found: string[];
};

const NAME_MISMATCH = "姓名与证件号码不符";

/** Checks every row against the database; `ready` holds the rows that may be written. */
export async function checkCourseImport(
  db: Db,
  reviewer: StaffScope,
  sheet: { rows: CourseSheetRow[]; numericIdLines: readonly number[] },
  now = new Date(),
): Promise<ImportCheck> {
  const indexes = sheet.rows.map((r) =>
    r.values.idNumber ? idNumberIndex(r.values.idNumber) : "",
  );
  const people = await db.person.findMany({
    where: { idNumberIndex: { in: indexes.filter(Boolean) } },
    select: {
      id: true,
      name: true,
      idNumberIndex: true,
      idNumberMasked: true,
      regionCode: true,
      transferState: true,
      archive: { select: { id: true } },
    },
  });
  const byIndex = new Map(people.map((p) => [p.idNumberIndex, p]));
  const existing = await db.ceCredit.findMany({
    where: { kind: "COURSE", personId: { in: people.map((p) => p.id) } },
    select: { personId: true, year: true, title: true },
  });
  const onRecord = new Set(existing.map((c) => `${c.personId}|${c.year}|${c.title.toLowerCase()}`));
  const starts = new Map<string, number | null>();
  const seen = new Map<string, number>();
  const today = beijingToday(now);

  const rows: ImportRow[] = [];
  const ready: Ready[] = [];
  for (const [i, { line, values }] of sheet.rows.entries()) {
    const errors: string[] = [];
    const person = indexes[i] ? byIndex.get(indexes[i]) : undefined;
    const inScope = person && regionWithin(person.regionCode, reviewer.regionCodes);
    if (!values.idNumber) errors.push("请填写证件号码");
    else if (sheet.numericIdLines.includes(line)) {
      errors.push("证件号码须设为文本格式（数字格式会丢失末位），请按模板填写");
    } else if (!inScope) errors.push(PERSON_NOT_IN_SCOPE);
    else {
      if (values.name.replace(/\s/g, "") !== person.name.replace(/\s/g, "")) {
        errors.push(NAME_MISMATCH);
      }
      if (!person.archive) errors.push(PERSON_NOT_COLLECTED);
      if (transferLockReason(person.transferState)) errors.push(PERSON_TRANSFER_LOCKED);
    }

    const category = categoryFromCell(values.category);
    const status = statusFromCell(values.status);
    if (!status)
      errors.push(`学习状态应为“${COURSE_STATUSES.map(courseStatusLabel).join("”或“")}”`);
    let course: CourseEntryInput | undefined;
    if (inScope && person.archive) {
      if (!starts.has(person.id)) starts.set(person.id, await ceObligationStart(db, person.id));
      const parsed = courseEntrySchema({
        today,
        obligationStartYear: starts.get(person.id) ?? null,
        reader: "staff",
      }).safeParse({ ...values, category: category ?? values.category });
      if (parsed.success) course = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          // Messages name their column (请填写课程名称); the category's lists the sheet's words.
          errors.push(
            issue.path[0] === "category"
              ? `科目类别应为“${CE_CATEGORIES.entries.map((e) => e.label).join("”或“")}”`
              : issue.message,
          );
        }
      }
    }
    if (course && person) {
      const key = `${person.id}|${course.year}|${course.courseName.toLowerCase()}`;
      if (onRecord.has(key)) errors.push("该课程已登记过，请勿重复导入");
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(`与第${earlier}行重复`);
      else seen.set(key, line);
    }

    rows.push({
      line,
      name: values.name,
      // The sheet may hold numbers of strangers: masked like every number staff see.
      idNumberMasked: inScope ? person.idNumberMasked : maskIdNumber(values.idNumber),
      courseName: values.courseName,
      year: values.year,
      credits: values.credits,
      category: values.category,
      status: values.status,
      errors,
    });
    if (errors.length === 0 && course && person && status) {
      ready.push({ line, personId: person.id, course, completed: status === "completed" });
    }
  }
  const found = people.filter((p) => regionWithin(p.regionCode, reviewer.regionCodes));
  return { rows, ready, found: found.map((p) => p.id) };
}

/**
 * 检查 as staff run it: the check, on the audit record. A sheet of ID numbers is a bulk lookup of
 * people, so it is logged like one (findPersonInScope logs single lookups): who, how many rows,
 * and the ids of the people of the region it found.
 */
export async function previewCourseImport(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  sheet: { rows: CourseSheetRow[]; numericIdLines: readonly number[] },
  now = new Date(),
): Promise<ImportCheck | typeof ROLE_REFUSAL> {
  // 课程学分录入 only, before a single number of the sheet is looked up
  if (!holdsAny(reviewer, ["ce-course"])) return ROLE_REFUSAL;
  const check = await checkCourseImport(db, reviewer, sheet, now);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "ce.course-import-check",
      outcome: "success",
      regionCode: reviewer.regionCodes[0] ?? null,
      details: { rows: check.rows.length, personIds: check.found },
    }),
  );
  return check;
}

export type ImportResult =
  | { ok: true; imported: number }
  | { ok: false; rows: ImportRow[]; message: string }
  | typeof ROLE_REFUSAL;

/** Checks again and, only when every row is right, writes them all in one transaction. */
export async function importCourses(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  sheet: { rows: CourseSheetRow[]; numericIdLines: readonly number[] },
  now = new Date(),
): Promise<ImportResult> {
  // Audited like 检查: a refused 导入 shows the same per-row answers.
  const check = await previewCourseImport(db, ctx, reviewer, sheet, now);
  if ("reason" in check) return check;
  const wrong = check.rows.filter((r) => r.errors.length > 0).length;
  if (wrong > 0) {
    return { ok: false, rows: check.rows, message: `有${wrong}行需要修改，本次未导入任何数据` };
  }
  const written = await refusableTransaction<CeResult>(
    db,
    async (tx, refuse) => {
      await insertCourses(tx, refuse, ctx, reviewer, check.ready, now);
      await writeAudit(tx, ctx, {
        actorType: "staff",
        actorId: reviewer.staffId,
        action: "ce.course-import",
        outcome: "success",
        regionCode: reviewer.regionCodes[0] ?? null,
        details: { rows: check.ready.length },
      });
      return { ok: true as const };
    },
    // All or nothing means one transaction for the whole file: a full 1000-row sheet takes a
    // few seconds (npm run bench -- --only course-import), longer than the client's 15 s
    // default allows under load.
    { timeout: IMPORT_TIMEOUT_MS },
  );
  // A person moved or started a transfer between the check and the write: nothing was written.
  if (!written.ok)
    return {
      ok: false,
      rows: check.rows,
      message: `${written.message}，本次未导入任何数据，请重新检查`,
    };
  return { ok: true, imported: check.ready.length };
}
