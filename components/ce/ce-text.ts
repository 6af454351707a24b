import type { BadgeProps } from "@/components/ui/badge";
import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import type { CeYearState } from "@/lib/ce/year-status";
import type { CeRecordState } from "@/lib/codes/ce-record-state";

// Words and colours the 继续教育 pages share (overview and certificate).

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

type BadgeVariant = NonNullable<BadgeProps["variant"]>;

export const YEAR_BADGE: Record<CeYearState, BadgeVariant> = {
  IN_PROGRESS: "default",
  COMPLETE: "success",
  INCOMPLETE: "destructive",
  NOT_REQUIRED: "outline",
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
