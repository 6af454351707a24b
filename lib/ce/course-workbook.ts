import "server-only";
import ExcelJS from "exceljs";
import {
  COURSE_SHEET_COLUMNS,
  type CourseSheetKey,
  type CourseSheetRow,
  MAX_IMPORT_ROWS,
  COURSE_STATUSES,
  courseStatusLabel,
} from "./course-sheet";
import { CE_CATEGORIES } from "./credit-kinds";
import { guardXlsx } from "@/lib/import/xlsx-guard";

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

const NOT_XLSX = "文件不是有效的Excel文件（.xlsx），请使用下载的模板填写";

/** The first sheet's data rows as trimmed text, by header name; blank rows are skipped. */
export async function readCourseSheet(bytes: Uint8Array): Promise<SheetRead> {
  // A zip bomb or an oversized sheet is refused before exceljs unpacks it into memory.
  const guarded = guardXlsx(bytes);
  if (!guarded.ok) return guarded;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: NOT_XLSX };
  }
  // By name first: a user may have moved 填写说明 in front of it.
  const sheet = book.getWorksheet(SHEET_NAME) ?? book.worksheets[0];
  if (!sheet) return { ok: false, message: NOT_XLSX };

  const columnOf = new Map<CourseSheetKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const found = COURSE_SHEET_COLUMNS.find((c) => c.header === cell.text.trim());
    if (found && !columnOf.has(found.key)) columnOf.set(found.key, col);
  });
  const missing = COURSE_SHEET_COLUMNS.filter((c) => !columnOf.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    return { ok: false, message: `第1行缺少列：${missing.join("、")}。请使用下载的模板填写` };
  }

  const rows: CourseSheetRow[] = [];
  const numericIdLines: number[] = [];
  for (let line = 2; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const values = {} as Record<CourseSheetKey, string>;
    for (const c of COURSE_SHEET_COLUMNS) {
      values[c.key] = row.getCell(columnOf.get(c.key)!).text.trim();
    }
    if (Object.values(values).every((v) => v === "")) continue;
    if (rows.length === MAX_IMPORT_ROWS) {
      return { ok: false, message: `每个文件最多${MAX_IMPORT_ROWS}行数据，请分成几个文件导入` };
    }
    if (row.getCell(columnOf.get("idNumber")!).type === ExcelJS.ValueType.Number) {
      numericIdLines.push(line);
    }
    rows.push({ line, values });
  }
  if (rows.length === 0) return { ok: false, message: "文件中没有数据，请从第2行开始填写" };
  return { ok: true, rows, numericIdLines };
}
