import { type CeRecordState, countsAsEarned, isInProgress } from "@/lib/codes/ce-record-state";
import { defineCodeTable } from "@/lib/codes/code-table";
import type { CeCategory } from "./credit-kinds";
import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";

// One person's continuing-education year: what is required, what is earned, and the year's state
// (进行中 / 已完成 / 未完成 / 无记录 / 无须参加). Credits count for their own year only (财会〔2018〕10号
// 第十二条: 当年度有效，不得结转以后年度). Only finished courses and recognised claims count; enrolled
// courses and claims awaiting recognition are 在途未完成数据, which lock the person's region
// (用户操作手册 信息变更: 继续教育有在途未完成数据，行政区划不能修改).
//
// Credits carry at most one decimal place; sums and the share rule are computed in whole tenths
// so that "exactly two thirds" (60 of 90) is met and 59.9 of 90 is not, without float rounding.

export const CE_YEAR_STATES = defineCodeTable(
  [
    { code: "IN_PROGRESS", label: "进行中" },
    { code: "COMPLETE", label: "已完成" },
    { code: "INCOMPLETE", label: "未完成" },
    { code: "NOT_REQUIRED", label: "无须参加" },
    // An obliged year before the platform's records begin (lib/jurisdiction/ce-records.ts) that
    // what the platform knows does not complete: the credits may well exist elsewhere.
    { code: "NO_RECORD", label: "无记录" },
  ],
  "年度状态无效",
);
export type CeYearState = (typeof CE_YEAR_STATES.codes)[number];

export interface CreditRecord {
  /** The year the credits belong to; they count for that year only. */
  year: number;
  category: CeCategory;
  credits: number;
  state: CeRecordState;
}

export interface CreditTotals {
  total: number;
  public: number;
  professional: number;
}

export interface YearSummaryInput {
  year: number;
  /** The person's records of any year; other years' records are ignored. */
  records: readonly CreditRecord[];
  thresholds: CeThresholds;
  /** From obligationStartYear(); null = no obligation at all. */
  obligationStartYear: number | null;
  /** The first year the platform holds records of (ceRecordsFromYear()); none when omitted. */
  recordsFromYear?: number | null;
  /** Today in Beijing, "YYYY-MM-DD". */
  today: string;
}

export interface YearSummary {
  year: number;
  state: CeYearState;
  /** 进行中 / 已完成 / 未完成 / 无记录 / 无须参加. */
  stateLabel: string;
  /** Zero in a 无须参加 year. 专业科目 grows with the earned total under a share rule. */
  required: CreditTotals;
  /** Completed and recognised credits of this year, by category. */
  earned: CreditTotals;
  /** What is still missing (never negative). */
  shortfall: CreditTotals;
  /** This year's enrolled courses and claims awaiting recognition (在途未完成数据). */
  inProgressCount: number;
  /** Whether the earned credits meet the requirement (trivially true in a 无须参加 year). */
  thresholdsMet: boolean;
  /** The yearly credit certificate can be printed (state 已完成). */
  certificateAvailable: boolean;
}

/** The region lock's test: any in-progress record, in any year. */
export function hasInProgressData(records: readonly Pick<CreditRecord, "state">[]): boolean {
  return records.some((r) => isInProgress(r.state));
}

function tenths(credits: number): number {
  if (!Number.isFinite(credits) || credits < 0) throw new RangeError(`学分无效：${credits}`);
  return Math.round(credits * 10);
}

const fromTenths = (t: number) => t / 10;

/** Totals in whole tenths of a credit (internal). */
type Totals = CreditTotals;

function requiredTenths(thresholds: CeThresholds, earnedTotal: number): Totals {
  const minTotal = tenths(thresholds.minTotal);
  const pub = tenths(thresholds.minPublic);
  let professional = tenths(thresholds.minProfessional);
  const share = thresholds.minProfessionalShare;
  if (share) {
    // "不少于总学分的三分之二": a share of the credits earned, and at least of the yearly minimum.
    const base = Math.max(earnedTotal, minTotal);
    professional = Math.max(professional, Math.ceil((share.numerator * base) / share.denominator));
  }
  return {
    total: Math.max(minTotal, pub + tenths(thresholds.minProfessional)),
    public: pub,
    professional,
  };
}

const scale = (t: Totals): CreditTotals => ({
  total: fromTenths(t.total),
  public: fromTenths(t.public),
  professional: fromTenths(t.professional),
});

/** The year's required and earned credits and its state. Throws RangeError for a future year. */
export function yearSummary(input: YearSummaryInput): YearSummary {
  const { year, thresholds, obligationStartYear } = input;
  const thisYear = Number(input.today.slice(0, 4));
  if (!Number.isInteger(year) || year > thisYear) {
    throw new RangeError(`年度无效：${year}（今年是${thisYear}年）`);
  }

  const ofYear = input.records.filter((r) => r.year === year);
  const earned: Totals = { total: 0, public: 0, professional: 0 };
  for (const r of ofYear) {
    const t = tenths(r.credits);
    if (!countsAsEarned(r.state)) continue;
    earned.total += t;
    if (r.category === "PUBLIC") earned.public += t;
    else earned.professional += t;
  }

  const obliged = obligationStartYear !== null && year >= obligationStartYear;
  const required = obliged
    ? requiredTenths(thresholds, earned.total)
    : { total: 0, public: 0, professional: 0 };
  const thresholdsMet =
    earned.total >= required.total &&
    earned.public >= required.public &&
    earned.professional >= required.professional;

  const beforeRecords = input.recordsFromYear != null && year < input.recordsFromYear;
  const state: CeYearState = !obliged
    ? "NOT_REQUIRED"
    : thresholdsMet
      ? "COMPLETE"
      : beforeRecords
        ? "NO_RECORD"
        : year === thisYear
          ? "IN_PROGRESS"
          : "INCOMPLETE";

  return {
    year,
    state,
    stateLabel: CE_YEAR_STATES.label(state) ?? state,
    required: scale(required),
    earned: scale(earned),
    shortfall: scale({
      total: Math.max(0, required.total - earned.total),
      public: Math.max(0, required.public - earned.public),
      professional: Math.max(0, required.professional - earned.professional),
    }),
    inProgressCount: ofYear.filter((r) => isInProgress(r.state)).length,
    thresholdsMet,
    certificateAvailable: state === "COMPLETE",
  };
}
