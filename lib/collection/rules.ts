import type { EmploymentStatusCode } from "@/lib/codes/employment-status";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/identity/document-types";
import { type JurisdictionRegions, regionPlace } from "@/lib/region/jurisdiction-regions";

// Cross-step rules of 信息采集, in one place (用户操作手册 2.3 and issue 3). The step schemas apply
// them; validateWholeRecord (whole-record.ts) applies them again across all steps at submit.
// Client-safe: the forms run the same schemas, so nothing here may import server-only data.

/** What the step schemas need to know beyond their own fields. */
export interface CollectionContext {
  /** Today in Beijing, "YYYY-MM-DD" (`beijingToday()`; fixed in tests). */
  today: string;
  /** The 证件类型 registered: decides the attachment pages and whether 性别/出生日期 are asked. */
  documentType: DocumentTypeCode;
  /**
   * The person's birth date, "YYYY-MM-DD", when known: read from the document number, or entered
   * at 个人信息. The year rules use it; without it they only refuse future years.
   */
  birthDate?: string;
  /**
   * Whether the registered number itself carries gender and birth date (validateDocumentNumber
   * returned them). Defaults from the document type; needed for 外国人永久居留身份证, where only
   * the 2023 card does.
   */
  documentEncodesBirthDate?: boolean;
  /** 国籍/地区 (GB/T 2659) when the registered document settles it; otherwise 个人信息 asks. */
  nationality?: string;
  /**
   * When 个人信息 asks 国籍/地区: the codes to choose from (server: lib/codes/nationality.ts, from
   * i18n-iso-countries), handed to the browser with the rest of the context so the one schema
   * checks the choice in both places without a copy of the table in the page's JavaScript.
   */
  nationalityCodes?: readonly string[];
  /** The jurisdiction's selectable regions (server: buildJurisdictionRegions()). */
  regions: JurisdictionRegions;
}

/** 性别 and 出生日期 are asked at 个人信息 only when the document number does not carry them. */
export function asksGenderAndBirthDate(ctx: CollectionContext): boolean {
  const encodes =
    ctx.documentEncodesBirthDate ??
    DOCUMENT_TYPES[ctx.documentType].encodesGenderAndBirthDate === "always";
  return !encodes;
}

// --- Years -------------------------------------------------------------------------------------

/** Nobody obtains a qualification, a talent selection or an award, or starts work, before 16. */
export const MIN_AGE_FOR_YEARS = 16;
/** Floor when the birth date is unknown: no year of a living accountant's career is earlier. */
export const EARLIEST_YEAR = 1900;

/** Earliest year accepted for career events: birth year + 16, or 1900 without a birth date. */
export function earliestCareerYear(ctx: CollectionContext): number {
  return ctx.birthDate ? Number(ctx.birthDate.slice(0, 4)) + MIN_AGE_FOR_YEARS : EARLIEST_YEAR;
}

/** Why `year` cannot be the year of `label` (e.g. "取得年份"), or null. */
export function yearProblem(year: number, label: string, ctx: CollectionContext): string | null {
  const thisYear = Number(ctx.today.slice(0, 4));
  if (year > thisYear) return `${label}不能晚于今年（${thisYear}年）`;
  const earliest = earliestCareerYear(ctx);
  if (year < earliest) {
    return ctx.birthDate
      ? `${label}不能早于${earliest}年（出生年份加${MIN_AGE_FOR_YEARS}年）`
      : `${label}不能早于${earliest}年`;
  }
  return null;
}

// --- 所属行政区划 --------------------------------------------------------------------------------

const REGION_RULE_TEXT: Record<EmploymentStatusCode, string> = {
  ACCOUNTING_POST: "请选择单位所在行政区划",
  NON_ACCOUNTING_POST: "请选择单位所在行政区划",
  UNEMPLOYED: "请选择户口所在地或者居住证所在行政区划",
  STUDENT: "请选择学校所在行政区划",
};

/** The manual's sentence for the region picker, per 在岗状态 (shown next to the picker). */
export function regionRuleText(status: EmploymentStatusCode): string {
  return REGION_RULE_TEXT[status];
}

/**
 * Why `code` cannot be the 所属行政区划, or null. The region must be a leaf of the jurisdiction:
 * a county-level unit, or a city without counties (东莞 441900, 中山 442000).
 */
export function regionProblem(
  status: EmploymentStatusCode | undefined,
  code: string,
  ctx: Pick<CollectionContext, "regions">,
): string | null {
  if (code === "") return status ? regionRuleText(status) : "请选择所属行政区划";
  const place = regionPlace(ctx.regions, code);
  if (place === "leaf") return null;
  if (place === "inside") return "请选择到区县一级";
  return `所属行政区划应在${ctx.regions.label}`;
}

// --- 学生证 --------------------------------------------------------------------------------------

export const STUDENT_CARD_REQUIRED = "在校生须上传学生证";

/** A 在校生 must have uploaded a 学生证 (采集须知: 若是在校学生需上传学生证附件). */
export function studentCardProblem(
  status: EmploymentStatusCode | undefined,
  studentCardId: string | undefined,
): string | null {
  return status === "STUDENT" && !studentCardId?.trim() ? STUDENT_CARD_REQUIRED : null;
}
