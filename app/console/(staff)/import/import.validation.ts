import * as z from "zod/mini";
import { MAX_HISTORY_BYTES, MAX_HISTORY_ROWS } from "@/lib/import/history-sheet";

// 历史档案导入's form: one .xlsx file.

export const FILE_REQUIRED = "请选择要导入的Excel文件（.xlsx）";
export const FILE_HINT = `使用本页模板填写，.xlsx格式，不超过${MAX_HISTORY_BYTES / 1_000_000}MB，每个文件最多${MAX_HISTORY_ROWS}行`;

/** The browser's own check before sending; the action checks the same on the server. */
export function fileProblem(
  file: { name: string; size: number } | null | undefined,
): string | null {
  if (!file || file.size === 0) return FILE_REQUIRED;
  if (!/\.xlsx$/i.test(file.name)) return "请选择.xlsx格式的Excel文件（.xls请先另存为.xlsx）";
  if (file.size > MAX_HISTORY_BYTES) {
    return `文件不能超过${MAX_HISTORY_BYTES / 1_000_000}MB，请分成几个文件导入`;
  }
  return null;
}

export const importSchema = z.custom<FormData>((v) => v instanceof FormData, FILE_REQUIRED);
