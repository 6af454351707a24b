import { defineCodeTable, type CodeEntry } from "@/lib/codes/code-table";
import { EDUCATION_LEVEL_GROUPS } from "@/lib/codes/education-level";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";
import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";

// 统计分析's dimensions (issue 11): what RegionStat.dimension and .bucket mean, and their Chinese
// labels. Pure and client-safe: recompute.ts builds its SQL from these tables, the dashboard and
// the charts label with them, so a bucket means the same thing everywhere.
//
// Who is counted: registration-level facts (collection status, age band) count everyone in
// PersonSearch; what only an archive says (在岗状态, 资格, 学历, 高端人才, 继续教育) counts the
// collected (collectionStatus "collected"), with NONE for an archive that leaves it empty.

/** The bucket of an archive that leaves the field empty (no qualification, no education entry). */
export const NONE = "NONE";

const withNone = (entries: readonly CodeEntry[], label: string) => [
  ...entries,
  { code: NONE, label },
];

/** PersonSearch.collectionStatus. */
export const COLLECTION_BUCKETS = defineCodeTable(
  [
    { code: "collected", label: "已采集" },
    { code: "draft", label: "采集中" },
    { code: "none", label: "仅注册未采集" },
  ],
  "采集状态无效",
);

/** Age bands, as of the current Beijing year (year − birth year). */
export const AGE_BANDS: readonly { code: string; label: string; maxAge: number | null }[] = [
  { code: "TO30", label: "30岁及以下", maxAge: 30 },
  { code: "31-40", label: "31—40岁", maxAge: 40 },
  { code: "41-50", label: "41—50岁", maxAge: 50 },
  { code: "51-60", label: "51—60岁", maxAge: 60 },
  { code: "OVER60", label: "60岁以上", maxAge: null },
];
export const AGE_UNKNOWN = "UNKNOWN";

/** The age band of someone born in `birthYear`, in `currentYear`; UNKNOWN without a birth year. */
export function ageBand(birthYear: number | null, currentYear: number): string {
  if (birthYear === null) return AGE_UNKNOWN;
  const age = currentYear - birthYear;
  return AGE_BANDS.find((b) => b.maxAge === null || age <= b.maxAge)!.code;
}

/**
 * 继续教育 of one year: 已完成 beats 有在途 (credits still to be recognised) beats 未完成 — or, in a
 * year before the platform's records begin (lib/jurisdiction/ce-records.ts), 无记录: the platform
 * cannot tell that year's credits were not earned elsewhere, so nobody is counted 未完成 for it.
 */
export const CE_BUCKETS = defineCodeTable(
  [
    { code: "COMPLETE", label: "已完成" },
    { code: "PENDING", label: "有在途" },
    { code: "INCOMPLETE", label: "未完成" },
    { code: "NO_RECORD", label: "无记录" },
  ],
  "继续教育完成情况无效",
);

/**
 * The yearly requirement in tenths of a credit, as lib/ce/year-status.ts applies it: a share rule
 * (专业科目 ≥ num/den of the credits earned, and of the yearly minimum) as a fraction.
 */
export interface CeRequirement {
  minTotal: number;
  minPublic: number;
  minProfessional: number;
  /** the share applies to the credits earned, but to at least this many (the yearly minimum) */
  shareBase: number;
  shareNumerator: number;
  shareDenominator: number;
}

export function ceRequirement(t: CeThresholds): CeRequirement {
  const tenths = (credits: number) => Math.round(credits * 10);
  return {
    minTotal: Math.max(tenths(t.minTotal), tenths(t.minPublic) + tenths(t.minProfessional)),
    minPublic: tenths(t.minPublic),
    minProfessional: tenths(t.minProfessional),
    shareBase: tenths(t.minTotal),
    shareNumerator: t.minProfessionalShare?.numerator ?? 0,
    shareDenominator: t.minProfessionalShare?.denominator ?? 1,
  };
}

export interface CeYearCounts {
  publicTenths: number;
  professionalTenths: number;
  pending: number;
}

/** The buckets a CE year's chart shows: 未完成, or 无记录 before the records begin. */
export function ceYearBuckets(year: number, recordsFromYear: number): string[] {
  return ["COMPLETE", "PENDING", year < recordsFromYear ? "NO_RECORD" : "INCOMPLETE"];
}

/**
 * The CE bucket of one person's year (recompute.ts says the same in SQL; the tests compare);
 * `beforeRecords`: the year is before the platform's records begin.
 */
export function ceBucket(c: CeYearCounts, r: CeRequirement, beforeRecords = false): string {
  const total = c.publicTenths + c.professionalTenths;
  const met =
    total >= r.minTotal &&
    c.publicTenths >= r.minPublic &&
    c.professionalTenths >= r.minProfessional &&
    c.professionalTenths * r.shareDenominator >= r.shareNumerator * Math.max(total, r.shareBase);
  if (met) return "COMPLETE";
  if (c.pending > 0) return "PENDING";
  return beforeRecords ? "NO_RECORD" : "INCOMPLETE";
}

/** How many CE years the statistics keep: the current Beijing year and the four before. */
export const CE_YEARS_KEPT = 5;

export function ceYears(currentYear: number): number[] {
  return Array.from({ length: CE_YEARS_KEPT }, (_, i) => currentYear - i);
}

export const ceDimension = (year: number) => `ce-${year}`;

/** The dimensions whose buckets are a closed table, in the dashboard's order. */
export const FIXED_DIMENSIONS = {
  "collection-status": { title: "采集状态", buckets: COLLECTION_BUCKETS.entries },
  "employment-status": {
    title: "在岗状态",
    buckets: withNone(EMPLOYMENT_STATUSES.entries, "未填写"),
  },
  "qualification-level": {
    title: "专业技术资格级别",
    buckets: withNone(QUALIFICATION_LEVELS.entries, "无专业技术资格"),
  },
  "qualification-type": {
    title: "专业技术资格类型",
    buckets: withNone(QUALIFICATION_TYPES.entries, "无专业技术资格"),
  },
  "education-level": {
    title: "学历",
    buckets: withNone(
      EDUCATION_LEVEL_GROUPS.map((g) => g.level),
      "未填写",
    ),
  },
  "age-band": {
    title: "年龄段",
    buckets: [...AGE_BANDS, { code: AGE_UNKNOWN, label: "出生年份不详" }],
  },
  "high-end-talent": {
    title: "高端人才",
    buckets: [
      { code: "YES", label: "是" },
      { code: "NO", label: "否" },
    ],
  },
} as const satisfies Record<string, { title: string; buckets: readonly CodeEntry[] }>;

export type FixedDimension = keyof typeof FIXED_DIMENSIONS;

/** Dimensions whose bucket is a Beijing calendar month "YYYY-MM". */
export const MONTH_DIMENSIONS = {
  "collected-month": "采集完成（月）",
  "transfer-out-month": "调出（月）",
  "transfer-in-month": "调入（月）",
} as const;
export type MonthDimension = keyof typeof MONTH_DIMENSIONS;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" → "2026年11月". */
export function monthLabel(bucket: string): string {
  const m = MONTH.exec(bucket);
  return m ? `${m[1]}年${Number(m[2])}月` : bucket;
}

/** The Chinese label of a bucket of any dimension (the code itself when unknown). */
export function bucketLabel(dimension: string, bucket: string): string {
  if (dimension in MONTH_DIMENSIONS) return monthLabel(bucket);
  if (/^ce-\d{4}$/.test(dimension)) return CE_BUCKETS.label(bucket) ?? bucket;
  const fixed = FIXED_DIMENSIONS[dimension as FixedDimension] as
    { buckets: readonly CodeEntry[] } | undefined;
  return fixed?.buckets.find((b) => b.code === bucket)?.label ?? bucket;
}

/** Every month from `first` to `last` ("YYYY-MM"), so a chart over time has no gaps. */
export function monthsBetween(first: string, last: string): string[] {
  const a = MONTH.exec(first);
  const b = MONTH.exec(last);
  if (!a || !b) return [];
  const months: string[] = [];
  for (let y = Number(a[1]), m = Number(a[2]); y * 12 + m <= Number(b[1]) * 12 + Number(b[2]);) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}
