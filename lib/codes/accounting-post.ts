import { defineCodeTable } from "./code-table";

// 会计工作岗位 — 会计人员管理办法 (财会〔2018〕33号) 第二条: the nine kinds of accounting work, plus
// 会计机构负责人（会计主管人员） and 总会计师, whom the same article counts as 会计人员.

export const ACCOUNTING_POSTS = defineCodeTable(
  [
    { code: "CASHIER", label: "出纳" },
    { code: "AUDIT_CHECK", label: "稽核" },
    { code: "ASSETS_LIABILITIES_EQUITY", label: "资产、负债和所有者权益的核算" },
    { code: "REVENUE_EXPENSES", label: "收入、费用（支出）的核算" },
    { code: "FINANCIAL_RESULTS", label: "财务成果（政府预算执行结果）的核算" },
    { code: "FINANCIAL_REPORTING", label: "财务会计报告（决算报告）编制" },
    { code: "ACCOUNTING_SUPERVISION", label: "会计监督" },
    { code: "ARCHIVES", label: "会计机构内会计档案管理" },
    { code: "OTHER_ACCOUNTING", label: "其他会计工作" },
    { code: "HEAD_OF_ACCOUNTING", label: "会计机构负责人（会计主管人员）" },
    { code: "CHIEF_ACCOUNTANT", label: "总会计师" },
  ],
  "请选择会计工作岗位类别",
);

export type AccountingPostCode = (typeof ACCOUNTING_POSTS.codes)[number];
