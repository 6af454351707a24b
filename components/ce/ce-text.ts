import type { BadgeProps } from "@/components/ui/badge";
import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import type { CeYearState } from "@/lib/ce/year-status";
import type { CeRecordState } from "@/lib/codes/ce-record-state";

// Words and colours the 继续教育 pages share (overview and certificate). The accountant's pages
// say them in the reader's language through messages (CeYears, Ce.thresholds); the PDF and the
// console keep the Chinese of thresholdsText.

const SHARE_WORDS: Record<string, string> = {
  "2/3": "三分之二",
  "1/2": "二分之一",
  "3/4": "四分之三",
};

/** "广东省要求：每年公需科目不少于30学分、专业科目不少于60学分，合计不少于90学分（依据…）". */
export function thresholdsText(jurisdictionName: string, t: CeThresholds): string {
  const parts: string[] = [];
  if (t.minPublic > 0) parts.push(`公需科目不少于${t.minPublic}学分`);
  if (t.minProfessional > 0) parts.push(`专业科目不少于${t.minProfessional}学分`);
  let text = parts.length
    ? `每年${parts.join("、")}，合计不少于${t.minTotal}学分`
    : `每年合计不少于${t.minTotal}学分`;
  if (t.minProfessionalShare) {
    const { numerator: n, denominator: d } = t.minProfessionalShare;
    text += `，其中专业科目一般不少于总学分的${SHARE_WORDS[`${n}/${d}`] ?? `${n}/${d}`}`;
  }
  return `${jurisdictionName}要求：${text}（依据${t.basis}）`;
}

const SHARE_KEYS: Record<string, string> = {
  "2/3": "twoThirds",
  "1/2": "half",
  "3/4": "threeQuarters",
};

/** The values of the Ce.thresholds message: thresholdsText, in the reader's language. */
export function thresholdValues(jurisdiction: string, t: CeThresholds) {
  const share = t.minProfessionalShare;
  const fraction = share ? `${share.numerator}/${share.denominator}` : "";
  return {
    jurisdiction,
    rules:
      t.minPublic > 0 && t.minProfessional > 0
        ? "both"
        : t.minPublic > 0
          ? "public"
          : t.minProfessional > 0
            ? "professional"
            : "total",
    minPublic: String(t.minPublic),
    minProfessional: String(t.minProfessional),
    minTotal: String(t.minTotal),
    share: share ? (SHARE_KEYS[fraction] ?? "fraction") : "none",
    fraction,
    basis: t.basis,
  };
}

type BadgeVariant = NonNullable<BadgeProps["variant"]>;

export const YEAR_BADGE: Record<CeYearState, BadgeVariant> = {
  IN_PROGRESS: "default",
  COMPLETE: "success",
  INCOMPLETE: "destructive",
  NOT_REQUIRED: "outline",
  NO_RECORD: "secondary",
};

export const RECORD_BADGE: Record<CeRecordState, BadgeVariant> = {
  enrolled: "secondary",
  completed: "success",
  claimed: "secondary",
  recognised: "success",
  rejected: "destructive",
};

/** 30 → "30", 1.5 → "1.5" (credits carry at most one decimal place). */
export const credits = (n: number) => String(Math.round(n * 10) / 10);

/** The values of the CeYears.credits message ("30学分", "1 credit"). */
export const creditValues = (n: number) => ({ n: Math.round(n * 10) / 10, credits: credits(n) });

/** [2019, …, 2016, 2014, …, 2010] → ["2010—2014", "2016—2019"]: consecutive years as one run. */
export function yearRuns(years: readonly number[]): string[] {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}—${b}`));
}
