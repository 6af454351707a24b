import ExcelJS from "exceljs";
import { readCourseSheet } from "@/lib/ce/course-workbook";
import { COURSE_SHEET_COLUMNS } from "@/lib/ce/course-sheet";

export type CourseCells = Partial<
  Record<(typeof COURSE_SHEET_COLUMNS)[number]["key"], string | number>
>;

/** An .xlsx as staff would fill the template: header row, then one row per course. */
export async function courseWorkbook(
  rows: CourseCells[],
  header = COURSE_SHEET_COLUMNS.map((c) => c.header),
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("课程学分");
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(COURSE_SHEET_COLUMNS.map((c) => r[c.key] ?? ""));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** One completed 公需科目 course of the person, as a row of the sheet. */
export const courseRow = (
  p: { idNumber: string; name: string },
  over: CourseCells = {},
): CourseCells => ({
  idNumber: p.idNumber,
  name: p.name,
  year: "2026",
  courseName: "会计人员职业道德",
  provider: "广东省会计人员继续教育中心",
  category: "公需科目",
  credits: "30",
  status: "已学完",
  ...over,
});

/** The rows read back as the import reads an uploaded file. */
export async function courseSheet(rows: CourseCells[]) {
  const read = await readCourseSheet(await courseWorkbook(rows));
  if (!read.ok) throw new Error(read.message);
  return read;
}
