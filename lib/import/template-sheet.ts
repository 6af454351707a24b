import "server-only";
import ExcelJS from "exceljs";
import { guardXlsx, NOT_XLSX } from "./xlsx-guard";

// Reading back a sheet filled in from one of the platform's templates (课程学分导入, 历史档案导入):
// the zip guarded before exceljs unpacks it, the data sheet found by name (a user may have moved
// 填写说明 in front of it), columns found by their header wherever they were moved, every cell as
// trimmed text, blank rows skipped, and the rows whose 证件号码 Excel stored as a number (and so
// may have rounded) named, so the caller refuses them.

export type TemplateSheetRead<K extends string> =
  | { ok: true; rows: { line: number; values: Record<K, string> }[]; numericIdLines: number[] }
  | { ok: false; message: string };

export async function readTemplateSheet<K extends string>(
  bytes: Uint8Array,
  template: {
    sheetName: string;
    columns: readonly { key: K; header: string }[];
    maxRows: number;
    /** the column holding 证件号码 */
    idColumn: K;
  },
): Promise<TemplateSheetRead<K>> {
  const guarded = guardXlsx(bytes);
  if (!guarded.ok) return guarded;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: NOT_XLSX };
  }
  const sheet = book.getWorksheet(template.sheetName) ?? book.worksheets[0];
  if (!sheet) return { ok: false, message: NOT_XLSX };

  const columnOf = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const found = template.columns.find((c) => c.header === cell.text.trim());
    if (found && !columnOf.has(found.key)) columnOf.set(found.key, col);
  });
  const missing = template.columns.filter((c) => !columnOf.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    return { ok: false, message: `第1行缺少列：${missing.join("、")}。请使用下载的模板填写` };
  }

  const rows: { line: number; values: Record<K, string> }[] = [];
  const numericIdLines: number[] = [];
  for (let line = 2; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const values = {} as Record<K, string>;
    for (const c of template.columns) values[c.key] = row.getCell(columnOf.get(c.key)!).text.trim();
    if (Object.values(values).every((v) => v === "")) continue;
    if (rows.length === template.maxRows) {
      return { ok: false, message: `每个文件最多${template.maxRows}行数据，请分成几个文件导入` };
    }
    if (row.getCell(columnOf.get(template.idColumn)!).type === ExcelJS.ValueType.Number) {
      numericIdLines.push(line);
    }
    rows.push({ line, values });
  }
  if (rows.length === 0) return { ok: false, message: "文件中没有数据，请从第2行开始填写" };
  return { ok: true, rows, numericIdLines };
}
