import { CONFERENCE_CREDITS_PER_DAY, PAPER_AUTHORSHIPS } from "./credit-kinds";

// What a claim (or a provider course) said, as labelled lines for the finance staff who review
// it. The labels are the claim form's own; details are stored as the parsed claim
// (claims.ts submitClaim), so unknown or missing keys are simply not shown.

export interface DetailLine {
  label: string;
  value: string;
}

const LINES: Record<string, readonly (readonly [key: string, label: string])[]> = {
  EXAM: [
    ["year", "考试通过年度"],
    ["examName", "考试名称"],
    ["subject", "通过科目"],
  ],
  CONFERENCE: [
    ["year", "会议年度"],
    ["name", "会议名称"],
    ["organiser", "主办单位"],
    ["days", "会议天数"],
  ],
  DEGREE_COURSE: [
    ["year", "课程考核通过年度"],
    ["school", "学校名称"],
    ["major", "所学专业"],
    ["courseName", "课程名称"],
  ],
  PAPER: [
    ["year", "发表年度"],
    ["title", "论文题目"],
    ["journal", "刊物名称"],
    ["serialNumber", "国内统一刊号"],
    ["authorship", "作者排序"],
  ],
  COURSE: [
    ["courseName", "课程名称"],
    ["provider", "培训机构"],
  ],
};

function shown(kind: string, key: string, value: unknown): string {
  if (kind === "PAPER" && key === "authorship") return PAPER_AUTHORSHIPS.label(String(value)) ?? "";
  if (kind === "CONFERENCE" && key === "days") {
    return `${String(value)}天（每天${CONFERENCE_CREDITS_PER_DAY}学分）`;
  }
  if (key === "year") return `${String(value)}年`;
  return String(value);
}

export function claimDetailLines(kind: string, details: unknown): DetailLine[] {
  const record = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  return (LINES[kind] ?? []).flatMap(([key, label]) => {
    const value = record[key];
    if (value === undefined || value === null || value === "") return [];
    const text = shown(kind, key, value);
    return text ? [{ label, value: text }] : [];
  });
}
