import { defineCodeTable } from "./code-table";

// 政治面貌 — GB/T 4762-1984 政治面貌代码 (codes and names as in the domain notes).

export const POLITICAL_STATUSES = defineCodeTable(
  [
    { code: "01", label: "中共党员" },
    { code: "02", label: "中共预备党员" },
    { code: "03", label: "共青团员" },
    { code: "04", label: "民革党员" },
    { code: "05", label: "民盟盟员" },
    { code: "06", label: "民建会员" },
    { code: "07", label: "民进会员" },
    { code: "08", label: "农工党党员" },
    { code: "09", label: "致公党党员" },
    { code: "10", label: "九三学社社员" },
    { code: "11", label: "台盟盟员" },
    { code: "12", label: "无党派人士" },
    { code: "13", label: "群众" },
  ],
  "请选择政治面貌",
);

export type PoliticalStatusCode = (typeof POLITICAL_STATUSES.codes)[number];
