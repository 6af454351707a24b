import { ABACUS_LEVELS } from "@/lib/codes/abacus-level";
import { ACCOUNTING_POSTS } from "@/lib/codes/accounting-post";
import type { CodeTable } from "@/lib/codes/code-table";
import { AWARD_LEVELS } from "@/lib/codes/award-level";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVELS } from "@/lib/codes/education-level";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { NATIONALITIES } from "@/lib/codes/nationality";
import { TALENT_STATUSES, TALENT_TYPES } from "@/lib/codes/high-end-talent";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { GENDER_OPTIONS } from "./gender-options";
import type { AwardsData } from "./schemas/awards";
import type { EducationData, EducationEntry } from "./schemas/education";
import type { PersonalData } from "./schemas/personal";
import type { ProfessionalData } from "./schemas/professional";
import type { WorkData } from "./schemas/work";
import { DATA_STEP_IDS, type DataStepId, stepLabel } from "./steps";
import type { CollectionRecord } from "./whole-record";

// One reading of a collected record for people: 确认信息 (check your answers), the printable
// 会计人员信息档案 and later the change history all show the same labels and values, so a person
// sees on paper exactly what they confirmed. Pure: the caller supplies region names (the full
// division table is server-side), so this also runs in the browser.

export interface SummaryRow {
  label: string;
  value: string;
}

export interface SummaryList {
  /** The list's key in the step data ("fullTime"): what pages and the diff match lists by. */
  key: string;
  title: string;
  /** Shown instead of entries when there are none ("无" for optional lists). */
  empty: string;
  /** Each entry's rows, in the form's order. */
  entries: SummaryRow[][];
}

export interface SummaryAttachment {
  label: string;
  attachmentId: string;
}

export interface SummarySection {
  step: DataStepId;
  title: string;
  rows: SummaryRow[];
  lists: SummaryList[];
  attachments: SummaryAttachment[];
}

/** The registration facts as the archive keeps them (CollectionSnapshot["person"]). */
export interface RegisteredPerson {
  name: string;
  idType: string;
  idNumberMasked: string;
  /** GB/T 2261.1 code; null when the document number does not carry it (then 个人信息 asks). */
  gender: string | null;
  /** Year of the birth date the document number carries; null when it carries none. */
  birthYear: number | null;
  /**
   * The full date the number carries, "YYYY-MM-DD" — only on the owner's own pages (read from
   * their encrypted number). Staff see the year: with the masked number the day would narrow it
   * to a handful (issue 12, 3).
   */
  birthDate?: string | null;
}

/** A record to show: any steps that parsed (确认信息 may lack some), plus who it belongs to. */
export type SummaryInput = Partial<CollectionRecord> & { person: RegisteredPerson };

export interface SummaryOptions {
  /** Full name of a region code, e.g. "广东省 广州市 天河区" (server: regionName). */
  regionLabel: (code: string) => string;
  /**
   * Leave 姓名/证件/性别/出生日期 out of the 个人信息 section, for a page that shows them
   * apart (the archive's header beside the photo). Default: included.
   */
  omitRegisteredFacts?: boolean;
}

/** Value of a field that should be there but is not (e.g. an old snapshot). */
export const NOT_FILLED = "未填写";
/** Value of an optional list left empty. */
export const NONE = "无";

/** "2012-07" → "2012年07月"; anything else as given. */
export function formatMonth(month: string | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? "");
  return m ? `${m[1]}年${m[2]}月` : month || NOT_FILLED;
}

/** "1990-03-07" → "1990年03月07日"; anything else as given. */
export function formatDay(day: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "");
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : day || NOT_FILLED;
}

function formatYear(year: number | undefined): string {
  return year === undefined ? NOT_FILLED : `${year}年`;
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? NOT_FILLED : value ? "是" : "否";
}

/** A code's label; a code no longer in the table is shown as stored rather than hidden. */
function labelOf(table: Pick<CodeTable<string>, "label">, code: string | undefined): string {
  if (!code) return NOT_FILLED;
  return table.label(code) ?? code;
}

function row(label: string, value: string | undefined): SummaryRow {
  return { label, value: value === undefined || value === "" ? NOT_FILLED : value };
}

/**
 * 姓名, 证件类型, 证件号码 (masked), 性别, 出生日期, 国籍/地区 — from registration, or as entered at
 * 个人信息 where the document does not carry them.
 */
export function registeredFactRows(
  person: RegisteredPerson,
  personal?: Partial<Pick<PersonalData, "gender" | "birthDate" | "nationality">>,
): SummaryRow[] {
  const gender = person.gender ?? personal?.gender;
  const nationality = personal?.nationality;
  return [
    row("姓名", person.name),
    row(
      "证件类型",
      isDocumentTypeCode(person.idType) ? DOCUMENT_TYPES[person.idType].label : person.idType,
    ),
    row("证件号码", person.idNumberMasked),
    row("性别", GENDER_OPTIONS.find((o) => o.value === gender)?.label ?? gender ?? undefined),
    row("出生日期", registeredBirth(person) ?? formatDay(personal?.birthDate)),
    // Absent only from data saved before 国籍/地区 was collected: nothing to show then.
    ...(nationality ? [row("国籍/地区", labelOf(NATIONALITIES, nationality))] : []),
  ];
}

/** The registered birth date: the day where the viewer may see it, else the year. */
function registeredBirth(person: RegisteredPerson): string | undefined {
  if (person.birthDate) return formatDay(person.birthDate);
  return person.birthYear === null ? undefined : formatYear(person.birthYear);
}

/** What an archive without photos (历史档案导入) shows in their place. */
export const PHOTOS_PENDING = "照片待补充";

function personalSection(
  data: PersonalData,
  person: RegisteredPerson,
  options: SummaryOptions,
): SummarySection {
  const pages = isDocumentTypeCode(person.idType) ? DOCUMENT_TYPES[person.idType].attachments : [];
  const attachments: SummaryAttachment[] = [
    { label: "本人免冠证件照", attachmentId: data.headshotId },
  ];
  // In the document type's page order; a page id the type does not know still shows.
  const pageIds = Object.keys(data.documentPageIds);
  const ordered = [
    ...pages.filter((p) => pageIds.includes(p.id)),
    ...pageIds.filter((id) => !pages.some((p) => p.id === id)).map((id) => ({ id, label: id })),
  ];
  for (const page of ordered) {
    attachments.push({ label: page.label, attachmentId: data.documentPageIds[page.id]! });
  }
  if (data.studentCardId) attachments.push({ label: "学生证", attachmentId: data.studentCardId });
  // 历史档案导入 writes no photos (照片待补充, CONTRIBUTING): an empty id is no file to show.
  const photosPending = data.headshotId === "";
  return {
    step: "personal",
    title: stepLabel("personal"),
    rows: [
      ...(options.omitRegisteredFacts ? [] : registeredFactRows(person, data)),
      row("民族", labelOf(ETHNIC_GROUPS, data.ethnicGroup)),
      row("政治面貌", labelOf(POLITICAL_STATUSES, data.politicalStatus)),
      row("电子邮箱", data.email),
      ...(photosPending ? [row("照片", PHOTOS_PENDING)] : []),
    ],
    lists: [],
    attachments: attachments.filter((a) => a.attachmentId !== ""),
  };
}

function educationRows(entry: EducationEntry): SummaryRow[] {
  return [
    row("学历", labelOf(EDUCATION_LEVELS, entry.level)),
    row("学位", labelOf(DEGREES, entry.degree)),
    row("毕业院校", entry.school),
    row("所学专业", entry.major),
    row("入学时间", formatMonth(entry.enrolledOn)),
    row("毕业时间", formatMonth(entry.graduatedOn)),
    row("在读", yesNo(entry.inStudy ?? false)),
  ];
}

function educationSection(data: EducationData): SummarySection {
  return {
    step: "education",
    title: stepLabel("education"),
    rows: [],
    lists: [
      // 全日制 is required, so an empty list means the data is missing, not "none".
      {
        key: "fullTime",
        title: "全日制教育",
        empty: NOT_FILLED,
        entries: (data.fullTime ?? []).map(educationRows),
      },
      {
        key: "partTime",
        title: "非全日制教育",
        empty: NONE,
        entries: (data.partTime ?? []).map(educationRows),
      },
    ],
    attachments: [],
  };
}

function workSection(data: WorkData, options: SummaryOptions): SummarySection {
  // Only the fields the status asks for are stored (work.ts drops the rest), so show what is there.
  const rows = [
    row("在岗状态", labelOf(EMPLOYMENT_STATUSES, data.status)),
    row("所属行政区划", data.regionCode ? options.regionLabel(data.regionCode) : undefined),
  ];
  if (data.employerName !== undefined) rows.push(row("工作单位名称", data.employerName));
  if (data.employerCreditCode !== undefined) {
    rows.push(row("统一社会信用代码", data.employerCreditCode));
  }
  if (data.postKind !== undefined) {
    rows.push(row("会计工作岗位", labelOf(ACCOUNTING_POSTS, data.postKind)));
  }
  if (data.accountingSinceYear !== undefined) {
    rows.push(row("从事会计工作年份", formatYear(data.accountingSinceYear)));
  }
  if (data.schoolName !== undefined) rows.push(row("学校名称", data.schoolName));
  return { step: "work", title: stepLabel("work"), rows, lists: [], attachments: [] };
}

function professionalSection(data: ProfessionalData): SummarySection {
  return {
    step: "professional",
    title: stepLabel("professional"),
    rows: [
      row("注册会计师", yesNo(data.isCpa)),
      row("税务师", yesNo(data.isTaxAdvisor)),
      row("资产评估师", yesNo(data.isAssetAppraiser)),
      row("珠算等级", labelOf(ABACUS_LEVELS, data.abacusLevel)),
    ],
    lists: [
      {
        key: "qualifications",
        title: "专业技术资格",
        empty: NONE,
        entries: (data.qualifications ?? []).map((q) => [
          row("类型", labelOf(QUALIFICATION_TYPES, q.type)),
          row("级别", labelOf(QUALIFICATION_LEVELS, q.level)),
          row("取得方式", labelOf(QUALIFICATION_METHODS, q.method)),
          row("取得年份", formatYear(q.year)),
          row("证书编号", q.certificateNo),
        ]),
      },
      {
        key: "talents",
        title: "高端会计人才",
        empty: NONE,
        entries: (data.talents ?? []).map((t) => [
          row("人才类型", labelOf(TALENT_TYPES, t.type)),
          row("入选年度", formatYear(t.selectedYear)),
          row("培养状态", labelOf(TALENT_STATUSES, t.status)),
          // 毕业年度 exists only for 已毕业 (talentEntrySchema drops it otherwise).
          ...("graduatedYear" in t ? [row("毕业年度", formatYear(t.graduatedYear))] : []),
        ]),
      },
    ],
    attachments: [],
  };
}

function awardsSection(data: AwardsData): SummarySection {
  return {
    step: "awards",
    title: stepLabel("awards"),
    rows: [],
    lists: [
      {
        key: "awards",
        title: "奖励信息",
        empty: NONE,
        entries: (data.awards ?? []).map((a) => [
          row("奖励名称", a.name),
          row("奖励级别", labelOf(AWARD_LEVELS, a.level)),
          row("获奖年份", formatYear(a.year)),
        ]),
      },
    ],
    attachments: [],
  };
}

/** One step's section; undefined for 阅读须知 (a pledge, nothing to show). */
export function summarizeStep(
  step: DataStepId,
  input: SummaryInput,
  options: SummaryOptions,
): SummarySection | undefined {
  switch (step) {
    case "notice":
      return undefined;
    case "personal":
      return input.personal && personalSection(input.personal, input.person, options);
    case "education":
      return input.education && educationSection(input.education);
    case "work":
      return input.work && workSection(input.work, options);
    case "professional":
      return input.professional && professionalSection(input.professional);
    case "awards":
      return input.awards && awardsSection(input.awards);
  }
}

/** The sections of every step present in `input`, in the wizard's order (阅读须知 omitted). */
export function summarizeRecord(input: SummaryInput, options: SummaryOptions): SummarySection[] {
  return DATA_STEP_IDS.flatMap((step) => summarizeStep(step, input, options) ?? []);
}
