import { EDUCATION_LEVELS } from "@/lib/codes/education-level";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";
import { GENDER_OPTIONS } from "@/lib/collection/gender-options";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { COLLECTION_STATUSES, TRANSFER_FILTERS } from "@/lib/search/search-filter";
import { formatBeijingDateTime } from "@/lib/time/beijing";

// 导出's cells: one PersonSearch row as the text a spreadsheet shows, the same for xlsx and CSV.
// Pure: the exporter (people-export.ts) reads the rows and hands the region names in.

/** One exported person: PersonSearch's columns, the number already masked or decrypted. */
export interface ExportRow {
  name: string;
  idType: string;
  idNumber: string;
  gender: string | null;
  birthYear: number | null;
  regionCode: string;
  employmentStatus: string | null;
  educationLevel: string | null;
  qualifications: readonly string[];
  highEndTalent: boolean;
  collectionStatus: string;
  archiveNumber: string | null;
  collectedAt: Date | null;
  transferState: string | null;
}

export type Cell = string | number;

/** "ACCOUNTING:INTERMEDIATE" → "会计类中级"; an unknown part is shown as its code. */
function qualificationLabel(q: string): string {
  const [type = "", level = ""] = q.split(":");
  return `${QUALIFICATION_TYPES.label(type) ?? type}${QUALIFICATION_LEVELS.label(level) ?? level}`;
}

function genderLabel(code: string | null): string {
  return GENDER_OPTIONS.find((g) => g.value === code)?.label ?? "";
}

interface Column {
  header: string;
  /** Excel column width in characters. */
  width: number;
  cell: (row: ExportRow, regionName: (code: string) => string) => Cell;
}

export const EXPORT_COLUMNS: readonly Column[] = [
  { header: "姓名", width: 12, cell: (r) => r.name },
  {
    header: "证件类型",
    width: 18,
    cell: (r) => (isDocumentTypeCode(r.idType) ? DOCUMENT_TYPES[r.idType].label : r.idType),
  },
  { header: "证件号码", width: 22, cell: (r) => r.idNumber },
  { header: "性别", width: 6, cell: (r) => genderLabel(r.gender) },
  { header: "出生年份", width: 10, cell: (r) => r.birthYear ?? "" },
  { header: "行政区划", width: 24, cell: (r, regionName) => regionName(r.regionCode) },
  {
    header: "在岗状态",
    width: 14,
    cell: (r) => EMPLOYMENT_STATUSES.label(r.employmentStatus) ?? "",
  },
  { header: "学历", width: 14, cell: (r) => EDUCATION_LEVELS.label(r.educationLevel) ?? "" },
  {
    header: "专业技术资格",
    width: 20,
    cell: (r) => r.qualifications.map(qualificationLabel).join("、"),
  },
  { header: "高端人才", width: 10, cell: (r) => (r.highEndTalent ? "是" : "否") },
  {
    header: "采集状态",
    width: 10,
    cell: (r) => COLLECTION_STATUSES.label(r.collectionStatus) ?? r.collectionStatus,
  },
  { header: "档案编号", width: 18, cell: (r) => r.archiveNumber ?? "" },
  {
    header: "采集时间",
    width: 18,
    cell: (r) => (r.collectedAt ? formatBeijingDateTime(r.collectedAt) : ""),
  },
  {
    header: "调转状态",
    width: 14,
    // The search's own labels: null is its "none" (未调出).
    cell: (r) => TRANSFER_FILTERS.label(r.transferState ?? "none") ?? r.transferState ?? "",
  },
];

export const EXPORT_HEADERS: readonly string[] = EXPORT_COLUMNS.map((c) => c.header);

/**
 * OWASP CSV injection: a spreadsheet runs a cell starting with = + - @ as a formula (tab and CR
 * are stripped before it looks; the full-width forms are folded to ASCII by some versions), so
 * such text gets a leading apostrophe and is shown, never run.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
}

/** A row's cells, every text neutralised: what both writers put in the file. */
export function exportCells(row: ExportRow, regionName: (code: string) => string): Cell[] {
  return EXPORT_COLUMNS.map((c) => {
    const value = c.cell(row, regionName);
    return typeof value === "string" ? neutralise(value) : value;
  });
}

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page (GBK) and garbles Chinese. */
export const UTF8_BOM = "\uFEFF";

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. A long run of
 * digits (an 18-digit 证件号码, a 14-digit 档案编号) gets a leading tab, which Excel keeps as
 * text: otherwise it shows 4.40106E+17 and drops the digits past the fifteenth.
 */
export function csvField(value: Cell): string {
  const text = typeof value === "number" ? String(value) : value;
  const kept = /^\d{12,}$/.test(text) ? `\t${text}` : text;
  return /[",\r\n]/.test(kept) ? `"${kept.replace(/"/g, '""')}"` : kept;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
