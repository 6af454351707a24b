import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/ce/course-sheet";
import { xlsxFileProblem } from "@/lib/import/xlsx-file";

// 课程学分导入's form: an .xlsx file, and whether to only check it or also import it.

export const FILE_HINT = `使用本页模板填写，.xlsx格式，不超过${MAX_IMPORT_BYTES / 1_000_000}MB，每个文件最多${MAX_IMPORT_ROWS}行`;

/** The browser's own check before sending; the action checks the same on the server. */
export function fileProblem(file: { name: string; size: number } | null | undefined) {
  return xlsxFileProblem(file, MAX_IMPORT_BYTES);
}
