import { getJurisdiction } from "@/lib/jurisdiction/config";

// Yearly continuing-education (继续教育) requirements as jurisdiction configuration, read from the
// environment like lib/jurisdiction/config.ts. Server code reads them with getCeThresholds() and
// hands the plain object to forms and pages.
//
// National rule, 会计专业技术人员继续教育规定 (财会〔2018〕10号) 第十二条: at least 90 credits a year,
// 专业科目 "一般不少于总学分的三分之二" — two thirds of the credits actually earned that year.
// Guangdong, 粤财会函〔2020〕4号: 公需科目 ≥ 30 and 专业科目 ≥ 60 (90 in all), no share rule.
// The Guangdong default applies to a deployment serving Guangdong or a part of it, except
// Shenzhen (440300), a 计划单列市 that runs its own accounting management.
//
//   KUAIJI_CE_MIN_TOTAL               credits a year                 default 90
//   KUAIJI_CE_MIN_PUBLIC              公需科目 credits                 default 30 (Guangdong) / 0
//   KUAIJI_CE_MIN_PROFESSIONAL        专业科目 credits                 default 60 (Guangdong) / 0
//   KUAIJI_CE_MIN_PROFESSIONAL_SHARE  专业科目 share of the earned    default none (Guangdong) / 2/3
//                                     total: "2/3" or "0.6"; "0" = none
//
// Unset or empty variables take the jurisdiction's default; each one overrides only itself.

/** A share as an exact fraction, so that "exactly two thirds" compares without rounding. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface CeThresholds {
  /** Credits needed in a year, all categories together. */
  minTotal: number;
  /** 公需科目 credits needed in a year. */
  minPublic: number;
  /** 专业科目 credits needed in a year. */
  minProfessional: number;
  /** 专业科目 must be at least this share of the credits earned that year; null = no share rule. */
  minProfessionalShare: Fraction | null;
  /** The document the defaults come from, for pages and certificates. */
  basis: string;
}

export const NATIONAL_CE_THRESHOLDS: CeThresholds = {
  minTotal: 90,
  minPublic: 0,
  minProfessional: 0,
  minProfessionalShare: { numerator: 2, denominator: 3 },
  basis: "财会〔2018〕10号",
};

export const GUANGDONG_CE_THRESHOLDS: CeThresholds = {
  minTotal: 90,
  minPublic: 30,
  minProfessional: 60,
  minProfessionalShare: null,
  basis: "粤财会函〔2020〕4号",
};

/** Whether Guangdong's provincial rule governs a deployment serving `jurisdictionCode`. */
export function followsGuangdongRule(jurisdictionCode: string): boolean {
  return jurisdictionCode.startsWith("44") && !jurisdictionCode.startsWith("4403");
}

/** The defaults of a jurisdiction before any KUAIJI_CE_* override. */
export function defaultCeThresholds(jurisdictionCode: string): CeThresholds {
  return followsGuangdongRule(jurisdictionCode) ? GUANGDONG_CE_THRESHOLDS : NATIONAL_CE_THRESHOLDS;
}

type Env = Record<string, string | undefined>;

/** Credits are kept to one decimal place (course hours such as 1.5 exist); see year-status.ts. */
const CREDITS = /^\d{1,4}(\.\d)?$/;

function creditsVar(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!CREDITS.test(raw)) {
    throw new Error(`${name} 应为不小于0的学分（最多一位小数）：${raw}`);
  }
  return Number(raw);
}

/** "2/3" → 2/3, "0.6" → 3/5 (as 6/10), "0" → null (no share rule). */
function shareVar(env: Env, name: string, fallback: Fraction | null): Fraction | null {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const bad = () => new Error(`${name} 应为0至1之间的比例，如 2/3 或 0.6：${raw}`);
  let share: Fraction;
  const fraction = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(raw);
  const decimal = /^(0|1)(?:\.(\d{1,4}))?$/.exec(raw);
  if (fraction) {
    share = { numerator: Number(fraction[1]), denominator: Number(fraction[2]) };
  } else if (decimal) {
    const digits = decimal[2] ?? "";
    const denominator = 10 ** digits.length;
    share = { numerator: Number(decimal[1]) * denominator + Number(digits || 0), denominator };
  } else {
    throw bad();
  }
  if (share.denominator === 0 || share.numerator > share.denominator) throw bad();
  return share.numerator === 0 ? null : share;
}

/** Builds the thresholds from an environment and the jurisdiction code. Throws on bad config. */
export function thresholdsFromEnv(env: Env, jurisdictionCode: string): CeThresholds {
  const d = defaultCeThresholds(jurisdictionCode);
  return {
    minTotal: creditsVar(env, "KUAIJI_CE_MIN_TOTAL", d.minTotal),
    minPublic: creditsVar(env, "KUAIJI_CE_MIN_PUBLIC", d.minPublic),
    minProfessional: creditsVar(env, "KUAIJI_CE_MIN_PROFESSIONAL", d.minProfessional),
    minProfessionalShare: shareVar(env, "KUAIJI_CE_MIN_PROFESSIONAL_SHARE", d.minProfessionalShare),
    basis: d.basis,
  };
}

let cached: { key: string; value: CeThresholds } | undefined;

/** The deployment's thresholds, from process.env (re-read when the variables change). */
export function getCeThresholds(): CeThresholds {
  const env = process.env;
  const code = getJurisdiction().code;
  const key = [
    code,
    env.KUAIJI_CE_MIN_TOTAL,
    env.KUAIJI_CE_MIN_PUBLIC,
    env.KUAIJI_CE_MIN_PROFESSIONAL,
    env.KUAIJI_CE_MIN_PROFESSIONAL_SHARE,
  ]
    .map((v) => (v === undefined ? "\u0000" : v))
    .join("\u0001");
  if (cached?.key !== key) cached = { key, value: thresholdsFromEnv(env, code) };
  return cached.value;
}
