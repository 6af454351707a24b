import { defineCodeTable } from "./code-table";

// 在岗状态 — the four states of the manual (用户操作手册 2.3 第五步).

export const EMPLOYMENT_STATUSES = defineCodeTable(
  [
    { code: "ACCOUNTING_POST", label: "会计工作岗位" },
    { code: "NON_ACCOUNTING_POST", label: "非会计工作岗位" },
    { code: "UNEMPLOYED", label: "待业" },
    { code: "STUDENT", label: "在校生" },
  ],
  "请选择在岗状态",
);

export type EmploymentStatusCode = (typeof EMPLOYMENT_STATUSES.codes)[number];

/** Whether the person works for a unit (accounting post or not): 工作单位名称 and 统一社会信用代码 apply. */
export function hasPost(status: EmploymentStatusCode): boolean {
  return status === "ACCOUNTING_POST" || status === "NON_ACCOUNTING_POST";
}
