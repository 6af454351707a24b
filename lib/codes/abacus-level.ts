import { defineCodeTable } from "./code-table";

// 珠算等级 — "none" or a grade of the 珠算技术等级鉴定 run by 中国珠算心算协会: 能手级 above the
// 普通级 grades 一级 (highest) to 六级. Not verified against the 鉴定标准 itself: public sources
// seen agree on 一级–六级 and 能手级, but some describe 能手级 as further split into 能手一级–六级.
// Should that be confirmed, add codes (EXPERT_1 …) rather than renaming EXPERT.

export const ABACUS_LEVELS = defineCodeTable(
  [
    { code: "NONE", label: "无" },
    { code: "EXPERT", label: "能手级" },
    { code: "LEVEL_1", label: "一级" },
    { code: "LEVEL_2", label: "二级" },
    { code: "LEVEL_3", label: "三级" },
    { code: "LEVEL_4", label: "四级" },
    { code: "LEVEL_5", label: "五级" },
    { code: "LEVEL_6", label: "六级" },
  ],
  "请选择珠算等级",
);

export type AbacusLevelCode = (typeof ABACUS_LEVELS.codes)[number];
