import { defineCodeTable } from "./code-table";

// 专业技术资格 — 类型, 级别 and 取得方式 as listed in the manual (用户操作手册 2.3 第六步 二).
// In accounting the ladder is 会计员/助理会计师 (初级), 会计师 (中级), 高级会计师 (高级),
// 正高级会计师 (正高级); the collection records the level, not the title.

export const QUALIFICATION_TYPES = defineCodeTable(
  [
    { code: "ACCOUNTING", label: "会计类" },
    { code: "ECONOMICS", label: "经济类" },
    { code: "AUDITING", label: "审计类" },
    { code: "STATISTICS", label: "统计类" },
    { code: "OTHER", label: "其他" },
  ],
  "请选择专业技术资格类型",
);

export const QUALIFICATION_LEVELS = defineCodeTable(
  [
    { code: "JUNIOR", label: "初级" },
    { code: "INTERMEDIATE", label: "中级" },
    { code: "SENIOR", label: "高级" },
    { code: "PROFESSOR", label: "正高级" },
  ],
  "请选择专业技术资格级别",
);

export const QUALIFICATION_METHODS = defineCodeTable(
  [
    { code: "REVIEW", label: "评审" },
    { code: "EXAM", label: "考试" },
    { code: "EXAM_AND_REVIEW", label: "考评" },
  ],
  "请选择专业技术资格取得方式",
);

export type QualificationTypeCode = (typeof QUALIFICATION_TYPES.codes)[number];
export type QualificationLevelCode = (typeof QUALIFICATION_LEVELS.codes)[number];
export type QualificationMethodCode = (typeof QUALIFICATION_METHODS.codes)[number];
