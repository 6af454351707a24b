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
  NO_RECORD: "secondary",
};

/**
 * What a 无记录 year means and what to do (issue 13, 12): the platform's records start later, so
 * the year is not judged; a certificate of it comes from the finance department, and credits
 * the platform can recognise may still be claimed.
 */
export function noRecordText(recordsFromYear: number): string {
  return (
    `本平台的继续教育记录自${recordsFromYear}年起，此前年度平台没有学分记录，不计为未完成。` +
    "如需这些年度的继续教育证明，请联系所在地财政部门；参加考试、学术会议、学历教育或发表论文取得的学分，可凭证明材料申报学分。"
  );
}

export const RECORD_BADGE: Record<CeRecordState, BadgeVariant> = {
  enrolled: "secondary",
  completed: "success",
  claimed: "secondary",
  recognised: "success",
  rejected: "destructive",
};

/** 30 → "30", 1.5 → "1.5" (credits carry at most one decimal place). */
export const credits = (n: number) => String(Math.round(n * 10) / 10);

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
