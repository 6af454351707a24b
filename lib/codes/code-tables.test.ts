import { describe, expect, it } from "vitest";
import { ABACUS_LEVELS } from "./abacus-level";
import { ACCOUNTING_POSTS } from "./accounting-post";
import { AWARD_LEVELS } from "./award-level";
import { defineCodeTable } from "./code-table";
import { DEGREES } from "./degree";
import {
  EDUCATION_LEVEL_GROUPS,
  EDUCATION_LEVELS,
  educationMainLevel,
  isLevelWithOutcomes,
} from "./education-level";
import { EMPLOYMENT_STATUSES, hasPost } from "./employment-status";
import { ETHNIC_GROUPS } from "./ethnic-group";
import { TALENT_STATUSES, TALENT_TYPES } from "./high-end-talent";
import { POLITICAL_STATUSES } from "./political-status";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "./professional-qualification";
import { codeTableSchema } from "./code-table-schema";

const labels = (t: { entries: readonly { label: string }[] }) => t.entries.map((e) => e.label);

describe("defineCodeTable", () => {
  const t = defineCodeTable(
    [
      { code: "A", label: "甲" },
      { code: "B", label: "乙" },
    ],
    "请选择",
  );

  it("accepts its codes and refuses others with the table's Chinese message", () => {
    expect(codeTableSchema(t).parse("A")).toBe("A");
    const r = codeTableSchema(t).safeParse("C");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("请选择");
    expect(codeTableSchema(t).safeParse(undefined).error?.issues[0]?.message).toBe("请选择");
  });

  it("looks labels up and answers undefined for unknown codes", () => {
    expect(t.label("B")).toBe("乙");
    expect(t.label("C")).toBeUndefined();
    expect(t.label(null)).toBeUndefined();
    expect(t.is("A")).toBe(true);
    expect(t.is("a")).toBe(false);
    expect(t.options).toEqual([
      { value: "A", label: "甲" },
      { value: "B", label: "乙" },
    ]);
  });

  it("refuses duplicate codes and empty tables", () => {
    expect(() => defineCodeTable([], "x")).toThrow();
    expect(() =>
      defineCodeTable(
        [
          { code: "A", label: "甲" },
          { code: "A", label: "乙" },
        ],
        "x",
      ),
    ).toThrow();
  });
});

describe("民族 GB/T 3304", () => {
  it("has the 56 groups 01–56 in code order, then 97 and 98", () => {
    expect(ETHNIC_GROUPS.codes).toHaveLength(58);
    expect(ETHNIC_GROUPS.codes.slice(0, 56)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    expect(ETHNIC_GROUPS.label("01")).toBe("汉族");
    expect(ETHNIC_GROUPS.label("04")).toBe("藏族");
    expect(ETHNIC_GROUPS.label("56")).toBe("基诺族");
    expect(ETHNIC_GROUPS.label("97")).toBe("其他");
    expect(ETHNIC_GROUPS.label("98")).toBe("外国血统中国籍人士");
  });

  it("refuses codes outside the table", () => {
    expect(codeTableSchema(ETHNIC_GROUPS).safeParse("57").error?.issues[0]?.message).toBe(
      "请选择民族",
    );
    expect(codeTableSchema(ETHNIC_GROUPS).safeParse("1").success).toBe(false);
  });
});

describe("政治面貌 GB/T 4762", () => {
  it("has the 13 codes of the domain notes", () => {
    expect(POLITICAL_STATUSES.codes).toHaveLength(13);
    expect(POLITICAL_STATUSES.label("01")).toBe("中共党员");
    expect(POLITICAL_STATUSES.label("03")).toBe("共青团员");
    expect(POLITICAL_STATUSES.label("13")).toBe("群众");
  });
});

describe("学历 GB/T 4658-2006", () => {
  it("has the main levels and their detail codes", () => {
    expect(EDUCATION_LEVEL_GROUPS.map((g) => g.level.code)).toEqual([
      "10",
      "20",
      "30",
      "40",
      "60",
      "70",
      "80",
      "90",
    ]);
    expect(EDUCATION_LEVELS.label("11")).toBe("博士研究生毕业");
    expect(EDUCATION_LEVELS.label("14")).toBe("硕士研究生毕业");
    expect(EDUCATION_LEVELS.label("21")).toBe("大学本科毕业");
    expect(EDUCATION_LEVELS.label("23")).toBe("大学本科肄业");
    expect(EDUCATION_LEVELS.label("31")).toBe("大学专科毕业");
    expect(EDUCATION_LEVELS.label("41")).toBe("中等专科毕业");
    expect(EDUCATION_LEVELS.is("50")).toBe(false);
  });

  it("knows which level codes need an outcome (毕业/结业/肄业)", () => {
    expect(isLevelWithOutcomes("20")).toBe(true);
    expect(isLevelWithOutcomes("21")).toBe(false);
    expect(isLevelWithOutcomes("90")).toBe(false);
  });

  it("every detail code belongs to its group's main level", () => {
    for (const g of EDUCATION_LEVEL_GROUPS) {
      for (const d of g.details) expect(educationMainLevel(d.code)).toBe(g.level.code);
    }
  });
});

describe("the manual's and the regulation's tables", () => {
  it("学位 are 无/学士/硕士/博士", () => {
    expect(labels(DEGREES)).toEqual(["无", "学士", "硕士", "博士"]);
  });

  it("在岗状态 has the manual's four states; only posts have a unit", () => {
    expect(labels(EMPLOYMENT_STATUSES)).toEqual([
      "会计工作岗位",
      "非会计工作岗位",
      "待业",
      "在校生",
    ]);
    expect(EMPLOYMENT_STATUSES.codes.filter(hasPost)).toEqual([
      "ACCOUNTING_POST",
      "NON_ACCOUNTING_POST",
    ]);
  });

  it("会计工作岗位 has the nine kinds of 会计人员管理办法 plus 会计机构负责人 and 总会计师", () => {
    expect(ACCOUNTING_POSTS.codes).toHaveLength(11);
    expect(labels(ACCOUNTING_POSTS)).toContain("出纳");
    expect(labels(ACCOUNTING_POSTS)).toContain("会计机构负责人（会计主管人员）");
    expect(labels(ACCOUNTING_POSTS)).toContain("总会计师");
  });

  it("专业技术资格 类型/级别/取得方式 follow the manual", () => {
    expect(labels(QUALIFICATION_TYPES)).toEqual(["会计类", "经济类", "审计类", "统计类", "其他"]);
    expect(labels(QUALIFICATION_LEVELS)).toEqual(["初级", "中级", "高级", "正高级"]);
    expect(labels(QUALIFICATION_METHODS)).toEqual(["评审", "考试", "考评"]);
  });

  it("珠算等级 is 无 or a grade", () => {
    expect(ABACUS_LEVELS.codes[0]).toBe("NONE");
    expect(labels(ABACUS_LEVELS)).toContain("能手级");
    expect(labels(ABACUS_LEVELS)).toContain("六级");
  });

  it("高端会计人才 types and 培养状态 follow the manual", () => {
    expect(TALENT_TYPES.codes).toHaveLength(4);
    expect(labels(TALENT_STATUSES)).toEqual(["培养中", "已毕业", "已淘汰", "已除名"]);
  });

  it("奖励级别 follow the manual", () => {
    expect(labels(AWARD_LEVELS)).toEqual(["国家级", "省部级", "地市级", "其他"]);
  });

  it("every code is stable ASCII", () => {
    const tables = [
      ETHNIC_GROUPS,
      POLITICAL_STATUSES,
      EDUCATION_LEVELS,
      DEGREES,
      EMPLOYMENT_STATUSES,
      ACCOUNTING_POSTS,
      QUALIFICATION_TYPES,
      QUALIFICATION_LEVELS,
      QUALIFICATION_METHODS,
      ABACUS_LEVELS,
      TALENT_TYPES,
      TALENT_STATUSES,
      AWARD_LEVELS,
    ];
    for (const t of tables) for (const c of t.codes) expect(c).toMatch(/^[A-Z0-9_]{1,32}$/);
  });
});
