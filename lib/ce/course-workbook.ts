import "server-only";
import ExcelJS from "exceljs";
import { readTemplateSheet } from "@/lib/import/template-sheet";
import {
  COURSE_SHEET_COLUMNS,
  type CourseSheetKey,
  type CourseSheetRow,
  MAX_IMPORT_ROWS,
  COURSE_STATUSES,
  courseStatusLabel,
} from "./course-sheet";
import { CE_CATEGORIES } from "./credit-kinds";

// The course import's Excel files (exceljs): the template staff download, and reading the filled
// sheet back into rows of text. Validation of the rows is course-import.ts's.

const SHEET_NAME = "课程学分";

/**
 * 下载模板: the data sheet (headers, drop-downs for 科目类别 and 学习状态, text columns) and a second
 * sheet 填写说明 that says what each column takes. No example row on the data sheet: one left in
 * would be imported for whoever it names.
 */
export async function courseTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_NAME);
  sheet.columns = COURSE_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  const help = book.addWorksheet("填写说明");
  help.columns = [
    { header: "列", width: 12 },
    { header: "填写要求", width: 48 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COURSE_SHEET_COLUMNS) help.addRow([c.header, c.note]);
  help.addRow([]);
  help.addRow([
    "",
    `每个文件最多${MAX_IMPORT_ROWS}行。导入前逐行检查，任何一行有误时不导入，修改后重新选择文件即可。`,
  ]);
  // 证件号码 and 学习年度 as text: Excel turns an 18-digit number into 4.4E+17 and loses digits.
  for (const key of ["idNumber", "year", "credits"] as const) sheet.getColumn(key).numFmt = "@";
  const lists: Partial<Record<CourseSheetKey, string[]>> = {
    category: CE_CATEGORIES.entries.map((e) => e.label),
    status: COURSE_STATUSES.map(courseStatusLabel),
  };
  for (const [key, values] of Object.entries(lists)) {
    const letter = sheet.getColumn(key).letter;
    for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${values.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "输入有误",
        error: `请从下拉列表中选择：${values.join("、")}`,
      };
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type SheetRead =
  { ok: true; rows: CourseSheetRow[]; numericIdLines: number[] } | { ok: false; message: string };

/** The first sheet's data rows as trimmed text, by header name; blank rows are skipped. */
export function readCourseSheet(bytes: Uint8Array): Promise<SheetRead> {
  return readTemplateSheet(bytes, {
    sheetName: SHEET_NAME,
    columns: COURSE_SHEET_COLUMNS,
    maxRows: MAX_IMPORT_ROWS,
    idColumn: "idNumber",
  });
}
