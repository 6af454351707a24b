import { MAX_HISTORY_BYTES, MAX_HISTORY_ROWS } from "@/lib/import/history-sheet";
import { xlsxFileProblem } from "@/lib/import/xlsx-file";

// 历史档案导入's form: one .xlsx file.

export const FILE_HINT = `使用本页模板填写，.xlsx格式，不超过${MAX_HISTORY_BYTES / 1_000_000}MB，每个文件最多${MAX_HISTORY_ROWS}行`;

/** The browser's own check before sending; the action checks the same on the server. */
export function fileProblem(file: { name: string; size: number } | null | undefined) {
  return xlsxFileProblem(file, MAX_HISTORY_BYTES);
}
