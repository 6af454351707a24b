import * as z from "zod/mini";
import { MAX_IMPORT_BYTES } from "@/lib/ce/course-sheet";

// 课程学分导入's form: an .xlsx file, and whether to only check it or also import it.

export const IMPORT_MODES = ["check", "import"] as const;
export const FILE_REQUIRED = "请选择要导入的Excel文件（.xlsx）";
export const FILE_TOO_LARGE = `文件不能超过${MAX_IMPORT_BYTES / 1_000_000}MB，请分成几个文件导入`;

/** The browser's own check before sending; the action checks the same on the server. */
export function fileProblem(
  file: { name: string; size: number } | null | undefined,
): string | null {
  if (!file || file.size === 0) return FILE_REQUIRED;
  if (!/\.xlsx$/i.test(file.name)) return "请选择.xlsx格式的Excel文件（.xls请先另存为.xlsx）";
  if (file.size > MAX_IMPORT_BYTES) return FILE_TOO_LARGE;
  return null;
}

export const importSchema = z.custom<FormData>((v) => v instanceof FormData, FILE_REQUIRED);
