import { defineCodeTable } from "./code-table";

// 奖励级别 — as listed in the manual (用户操作手册 2.3 第七步).

export const AWARD_LEVELS = defineCodeTable(
  [
    { code: "NATIONAL", label: "国家级" },
    { code: "PROVINCIAL", label: "省部级" },
    { code: "MUNICIPAL", label: "地市级" },
    { code: "OTHER", label: "其他" },
  ],
  "请选择奖励级别",
);

export type AwardLevelCode = (typeof AWARD_LEVELS.codes)[number];
