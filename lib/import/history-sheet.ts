import { ACCOUNTING_POSTS } from "@/lib/codes/accounting-post";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVELS, isLevelWithOutcomes } from "@/lib/codes/education-level";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";

// 历史档案导入's sheet: one row = one person, with what 信息采集 requires of a complete archive
// (the photos excepted: they are supplied later, see CONTRIBUTING 历史档案导入). Headers are matched
// by name, so moved or extra columns still read. Code-table columns take the table's words (a
// drop-down on the template); history-rows.ts turns them into codes.

/** A code column's choices: the words shown, the code stored. */
export type Choices = readonly { code: string; label: string }[];

export interface HistoryColumn {
  key: string;
  header: string;
  width: number;
  note: string;
  /** Typed as text in the template: Excel would turn 18 digits or a date into a number. */
  text?: boolean;
  choices?: Choices;
}

const GENDERS: Choices = [
  { code: "1", label: "男" },
  { code: "2", label: "女" },
];

/** 在校生 needs a 学生证 photo and a school: they collect themselves, not from history. */
const STATUSES = EMPLOYMENT_STATUSES.entries.filter((e) => e.code !== "STUDENT");
/** A finished level only (在读 is not history): the 毕业/结业/肄业 outcomes, not the groups. */
const LEVELS = EDUCATION_LEVELS.entries.filter((e) => !isLevelWithOutcomes(e.code));

export const HISTORY_COLUMNS = [
  { key: "name", header: "姓名", width: 12, note: "必填，与证件一致" },
  {
    key: "idType",
    header: "证件类型",
    width: 16,
    note: "必填（下拉选择）",
    choices: DOCUMENT_TYPE_OPTIONS.map((o) => ({ code: o.value, label: o.label })),
  },
  {
    key: "idNumber",
    header: "证件号码",
    width: 22,
    note: "必填，文本格式；居民身份证校验末位",
    text: true,
  },
  {
    key: "gender",
    header: "性别",
    width: 8,
    note: "居民身份证可不填（按证件号码）；填写时须与号码相符",
    choices: GENDERS,
  },
  {
    key: "birthDate",
    header: "出生日期",
    width: 12,
    note: "YYYY-MM-DD，文本格式；居民身份证可不填，填写时须与号码相符",
    text: true,
  },
  {
    key: "ethnicGroup",
    header: "民族",
    width: 10,
    note: "必填（下拉选择）",
    choices: ETHNIC_GROUPS.entries,
  },
  {
    key: "politicalStatus",
    header: "政治面貌",
    width: 14,
    note: "必填（下拉选择）",
    choices: POLITICAL_STATUSES.entries,
  },
  {
    key: "phone",
    header: "手机号码",
    width: 14,
    note: "必填，11位手机号码，文本格式；本人凭此号码找回密码后登录",
    text: true,
  },
  { key: "email", header: "电子邮箱", width: 24, note: "必填" },
  {
    key: "regionCode",
    header: "所在地区",
    width: 12,
    note: "必填，6位行政区划代码（县区级），须在本单位管辖范围内",
    text: true,
  },
  {
    key: "status",
    header: "在岗状态",
    width: 14,
    note: "必填（下拉选择）；在校生请本人在平台采集",
    choices: STATUSES,
  },
  { key: "employerName", header: "工作单位", width: 28, note: "在岗时必填" },
  {
    key: "employerCreditCode",
    header: "统一社会信用代码",
    width: 22,
    note: "在岗时必填，18位",
    text: true,
  },
  {
    key: "postKind",
    header: "会计工作岗位",
    width: 18,
    note: "会计工作岗位时必填（下拉选择）",
    choices: ACCOUNTING_POSTS.entries,
  },
  {
    key: "accountingSinceYear",
    header: "从事会计工作年份",
    width: 10,
    note: "会计工作岗位时必填，4位年份",
    text: true,
  },
  { key: "level", header: "最高学历", width: 16, note: "必填（下拉选择）", choices: LEVELS },
  {
    key: "degree",
    header: "学位",
    width: 10,
    note: "必填（下拉选择，无学位选“无”）",
    choices: DEGREES.entries,
  },
  { key: "school", header: "毕业院校", width: 22, note: "必填" },
  { key: "major", header: "所学专业", width: 16, note: "必填" },
  { key: "enrolledOn", header: "入学时间", width: 10, note: "必填，YYYY-MM，文本格式", text: true },
  {
    key: "graduatedOn",
    header: "毕业时间",
    width: 10,
    note: "必填，YYYY-MM，文本格式",
    text: true,
  },
  {
    key: "qualType",
    header: "专业技术资格类型",
    width: 14,
    note: "无资格时本组四列都不填（下拉选择）",
    choices: QUALIFICATION_TYPES.entries,
  },
  {
    key: "qualLevel",
    header: "资格级别",
    width: 10,
    note: "有资格时必填（下拉选择）",
    choices: QUALIFICATION_LEVELS.entries,
  },
  {
    key: "qualMethod",
    header: "取得方式",
    width: 12,
    note: "有资格时必填（下拉选择）",
    choices: QUALIFICATION_METHODS.entries,
  },
  { key: "qualYear", header: "取得年份", width: 10, note: "有资格时必填，4位年份", text: true },
  { key: "certificateNo", header: "证书编号", width: 20, note: "有资格时必填", text: true },
] as const satisfies readonly HistoryColumn[];

export type HistoryKey = (typeof HISTORY_COLUMNS)[number]["key"];
export type HistoryValues = Record<HistoryKey, string>;
export type HistoryRow = { line: number; values: HistoryValues };

/** At most this many people per file: a county's history fits, the import stays minutes. */
export const MAX_HISTORY_ROWS = 5000;
/** Server actions take 1 MB bodies (Next.js's default, kept); a 5,000-row sheet fits zipped. */
export const MAX_HISTORY_BYTES = 1_000_000;

/** The code of a cell's words in a choice column ("男" → "1"); a code typed itself is taken too. */
export function codeOf(choices: Choices, cell: string): string | null {
  const t = cell.trim();
  if (t === "") return null;
  return choices.find((c) => c.label === t || c.code === t)?.code ?? null;
}
