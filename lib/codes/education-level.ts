import { defineCodeTable, type CodeEntry } from "./code-table";

// 学历 — GB/T 4658-2006 学历代码. Two digits: the first is the level (10 研究生教育 … 90 其他), the
// second the outcome within it (毕业/结业/肄业). A person picks a detail code; the level code itself
// is accepted for an entry still in progress (在读), which has no outcome yet.
//
// Verified: the main levels and the detail codes below were cross-checked against several
// independent public code tables built from the standard, which agree code for code; the text of
// the standard itself was not at hand. Left out on purpose: 50 (not a level of the 2006 edition)
// and the 1984 edition's 90 文盲或半文盲 (the 2006 edition has 90 其他).

interface EducationLevelGroup {
  level: CodeEntry;
  details: readonly CodeEntry[];
}

export const EDUCATION_LEVEL_GROUPS: readonly EducationLevelGroup[] = [
  {
    level: { code: "10", label: "研究生教育" },
    details: [
      { code: "11", label: "博士研究生毕业" },
      { code: "12", label: "博士研究生结业" },
      { code: "13", label: "博士研究生肄业" },
      { code: "14", label: "硕士研究生毕业" },
      { code: "15", label: "硕士研究生结业" },
      { code: "16", label: "硕士研究生肄业" },
      { code: "17", label: "研究生班毕业" },
      { code: "18", label: "研究生班结业" },
      { code: "19", label: "研究生班肄业" },
    ],
  },
  {
    level: { code: "20", label: "大学本科教育" },
    details: [
      { code: "21", label: "大学本科毕业" },
      { code: "22", label: "大学本科结业" },
      { code: "23", label: "大学本科肄业" },
      { code: "28", label: "大学普通班毕业" },
    ],
  },
  {
    level: { code: "30", label: "大学专科教育" },
    details: [
      { code: "31", label: "大学专科毕业" },
      { code: "32", label: "大学专科结业" },
      { code: "33", label: "大学专科肄业" },
    ],
  },
  {
    level: { code: "40", label: "中等职业教育" },
    details: [
      { code: "41", label: "中等专科毕业" },
      { code: "42", label: "中等专科结业" },
      { code: "43", label: "中等专科肄业" },
      { code: "44", label: "职业高中毕业" },
      { code: "45", label: "职业高中结业" },
      { code: "46", label: "职业高中肄业" },
      { code: "47", label: "技工学校毕业" },
      { code: "48", label: "技工学校结业" },
      { code: "49", label: "技工学校肄业" },
    ],
  },
  {
    level: { code: "60", label: "普通高级中学教育" },
    details: [
      { code: "61", label: "普通高中毕业" },
      { code: "62", label: "普通高中结业" },
      { code: "63", label: "普通高中肄业" },
    ],
  },
  {
    level: { code: "70", label: "初级中学教育" },
    details: [
      { code: "71", label: "初中毕业" },
      { code: "73", label: "初中肄业" },
    ],
  },
  {
    level: { code: "80", label: "小学教育" },
    details: [
      { code: "81", label: "小学毕业" },
      { code: "83", label: "小学肄业" },
    ],
  },
  { level: { code: "90", label: "其他" }, details: [] },
];

export const EDUCATION_LEVELS = defineCodeTable(
  EDUCATION_LEVEL_GROUPS.flatMap((g) => [g.level, ...g.details]),
  "请选择学历",
);

const LEVELS_WITH_OUTCOMES = new Set(
  EDUCATION_LEVEL_GROUPS.filter((g) => g.details.length > 0).map((g) => g.level.code),
);

/** A level code ("20") that has outcome codes: a finished entry must pick one of those ("21"). */
export function isLevelWithOutcomes(code: string): boolean {
  return LEVELS_WITH_OUTCOMES.has(code);
}

/** The main level ("20" 大学本科教育) of any code of the table ("21" → "20"). */
export function educationMainLevel(code: string): string {
  return `${code.charAt(0)}0`;
}
