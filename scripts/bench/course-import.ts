// 课程学分导入 at its limit (issue 4): a full sheet of MAX_IMPORT_ROWS rows for IMPORT_PEOPLE
// collected people — read from .xlsx bytes, checked row by row, then written all or nothing in
// one transaction (lib/ce/course-import.ts). The import's transaction has a bound of its own
// (IMPORT_TIMEOUT_MS); these figures say how far below it a full sheet stays.
import ExcelJS from "exceljs";
import type { RequestContext } from "@/lib/audit/audit";
import { checkCourseImport, importCourses } from "@/lib/ce/course-import";
import { readCourseSheet } from "@/lib/ce/course-workbook";
import { COURSE_SHEET_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/ce/course-sheet";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { submitCollection } from "@/lib/collection/archive-service";
import { decryptField } from "@/lib/crypto/field-cipher";
import type { Db } from "@/lib/db/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  personWithSession,
  saveAll,
  uploadPersonalFiles,
  validSteps,
} from "../../tests/support/collection";
import type { Figure } from "./report";

export const IMPORT_PEOPLE = 50;
const ctx: RequestContext = { ip: "198.51.100.8", userAgent: "kuaiji-bench" };
const REVIEWER: StaffActor = {
  staffId: "bench-staff",
  regionCodes: ["440100"],
  roles: ["ce-course"],
};

/** IMPORT_PEOPLE people through the collection services (their region: 440106 天河区). */
async function collectedPeople(db: Db): Promise<{ idNumber: string; name: string }[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-objects-"));
  try {
    const storage = new LocalDiskStorage(dir);
    const people = [];
    for (let i = 0; i < IMPORT_PEOPLE; i++) {
      const s = await personWithSession(db);
      await saveAll(db, s, validSteps(await uploadPersonalFiles(db, storage, s)));
      const r = await submitCollection(db, ctx, s);
      if (!r.ok) throw new Error(`collection refused: ${JSON.stringify(r)}`);
      const row = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
      people.push({ idNumber: decryptField(row.idNumberCipher), name: row.name });
    }
    return people;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fullSheet(people: { idNumber: string; name: string }[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("课程学分");
  sheet.addRow(COURSE_SHEET_COLUMNS.map((c) => c.header));
  const year = String(new Date().getFullYear());
  for (let i = 0; i < MAX_IMPORT_ROWS; i++) {
    const p = people[i % people.length]!;
    const category = i % 3 === 0 ? "公需科目" : "专业科目";
    sheet.addRow([
      p.idNumber,
      p.name,
      year,
      `课程${i}`,
      "广东省会计人员继续教育中心",
      category,
      "1.5",
      "已学完",
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const ms = (label: string, value: number): Figure => ({ label, unit: "ms", value, digits: 0 });

export async function courseImportFigures(db: Db): Promise<Figure[]> {
  let t = performance.now();
  const people = await collectedPeople(db);
  const setup = ms(`set up ${IMPORT_PEOPLE} collected people`, performance.now() - t);
  const bytes = await fullSheet(people);

  t = performance.now();
  const read = await readCourseSheet(bytes);
  const readMs = performance.now() - t;
  if (!read.ok) throw new Error(read.message);

  t = performance.now();
  const check = await checkCourseImport(db, REVIEWER, read);
  const checkMs = performance.now() - t;
  if (check.ready.length !== MAX_IMPORT_ROWS) throw new Error("bench sheet has wrong rows");

  t = performance.now();
  const imported = await importCourses(db, ctx, REVIEWER, read);
  const importMs = performance.now() - t;
  if (!imported.ok) throw new Error(imported.message);

  t = performance.now();
  const again = await importCourses(db, ctx, REVIEWER, read);
  const againMs = performance.now() - t;
  if (again.ok) throw new Error("the same sheet was imported twice");

  return [
    setup,
    {
      label: `sheet of ${MAX_IMPORT_ROWS} rows`,
      unit: "KiB",
      value: bytes.byteLength / 1024,
      digits: 0,
    },
    ms("read .xlsx (exceljs)", readMs),
    ms("检查: every row against the database", checkMs),
    ms(
      "导入: check again + one transaction (lock per person, one insert, one audit insert)",
      importMs,
    ),
    {
      label: "导入 rows per second",
      unit: "rows/s",
      value: MAX_IMPORT_ROWS / (importMs / 1000),
      digits: 0,
    },
    ms("the same sheet again, refused (all rows already on record)", againMs),
  ];
}
