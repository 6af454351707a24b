import { CE_CATEGORIES, type CeCategory } from "./credit-kinds";
import { CE_RECORD_STATES, type CeRecordState } from "@/lib/codes/ce-record-state";

// The Excel sheet finance staff fill to import provider courses (培训机构课程学分导入): its columns,
// and how a cell's text becomes a category or a status. Headers are matched by name, so a sheet
// with its columns in another order, or with extra columns, still reads.

export const COURSE_SHEET_COLUMNS = [
  { key: "idNumber", header: "证件号码", width: 22, note: "会计人员的证件号码，文本格式" },
  { key: "name", header: "姓名", width: 12, note: "与证件号码相符" },
  { key: "year", header: "学习年度", width: 10, note: "4位年份，如2026；学分只计入该年度" },
  { key: "courseName", header: "课程名称", width: 32, note: "不超过100字" },
  { key: "provider", header: "培训机构", width: 28, note: "不超过100字" },
  { key: "category", header: "科目类别", width: 12, note: "公需科目或专业科目（下拉选择）" },
  { key: "credits", header: "学分", width: 8, note: "大于0且不超过90，最多一位小数" },
  { key: "status", header: "学习状态", width: 10, note: "已学完或学习中（下拉选择）" },
] as const;

export type CourseSheetKey = (typeof COURSE_SHEET_COLUMNS)[number]["key"];
export type CourseSheetRow = { line: number; values: Record<CourseSheetKey, string> };

/** At most this many data rows per file: a county's year fits, a typo in a range does not hang. */
export const MAX_IMPORT_ROWS = 1000;
/** Server actions take 1 MB bodies; a 1000-row sheet is about 60 KB. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** A provider course is entered 已学完 or 学习中: CE_RECORD_STATES's own codes and words. */
export const COURSE_STATUSES = [
  "completed",
  "enrolled",
] as const satisfies readonly CeRecordState[];
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const courseStatusLabel = (status: CourseStatus): string =>
  CE_RECORD_STATES.label(status) ?? status;

/** "公需科目" / "公需" → PUBLIC; anything else null. */
export function categoryFromCell(text: string): CeCategory | null {
  const t = text.trim();
  const hit = CE_CATEGORIES.entries.find((e) => e.label === t || e.label === `${t}科目`);
  return hit?.code ?? null;
}

/** "已学完" → completed, "学习中" → enrolled; anything else null. */
export function statusFromCell(text: string): CourseStatus | null {
  return COURSE_STATUSES.find((s) => courseStatusLabel(s) === text.trim()) ?? null;
}
