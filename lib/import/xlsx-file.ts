import * as z from "zod/mini";

// The file an import form sends (课程学分导入, 历史档案导入): one .xlsx within the form's size.
// Client-safe: the browser checks it before sending, the action checks it again on the server.

export const XLSX_FILE_REQUIRED = "请选择要导入的Excel文件（.xlsx）";

/** A Chinese message for the file field, or null when the file may be sent. */
export function xlsxFileProblem(
  file: { name: string; size: number } | null | undefined,
  maxBytes: number,
): string | null {
  if (!file || file.size === 0) return XLSX_FILE_REQUIRED;
  if (!/\.xlsx$/i.test(file.name)) return "请选择.xlsx格式的Excel文件（.xls请先另存为.xlsx）";
  if (file.size > maxBytes) return `文件不能超过${maxBytes / 1_000_000}MB，请分成几个文件导入`;
  return null;
}

/** An import action's input: the form's FormData (the file is checked by xlsxFileProblem). */
export const xlsxFormSchema = z.custom<FormData>((v) => v instanceof FormData, XLSX_FILE_REQUIRED);
