import { defineCodeTable } from "./code-table";

// 高端会计人才 — 人才类型 and 培养状态 as listed in the manual (用户操作手册 2.3 第六步 三), after
// 财政部's 会计领军（高端会计）人才培养 programmes.

export const TALENT_TYPES = defineCodeTable(
  [
    { code: "HIGH_END", label: "高端会计人才" },
    { code: "INTERNATIONAL", label: "国际化高端会计人才" },
    { code: "SPECIAL_SUPPORT", label: "全国高端会计人才特殊支持计划" },
    { code: "CHIEF_ACCOUNTANT_TRAINING", label: "全国中大型企事业单位总会计师培训（高端班）" },
  ],
  "请选择会计人才类型",
);

export const TALENT_STATUSES = defineCodeTable(
  [
    { code: "IN_TRAINING", label: "培养中" },
    { code: "GRADUATED", label: "已毕业" },
    { code: "ELIMINATED", label: "已淘汰" },
    { code: "REMOVED", label: "已除名" },
  ],
  "请选择培养状态",
);

export type TalentTypeCode = (typeof TALENT_TYPES.codes)[number];
export type TalentStatusCode = (typeof TALENT_STATUSES.codes)[number];
