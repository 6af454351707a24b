import { defineCodeTable } from "./code-table";

// 学位 — the four levels the collection asks for. GB/T 6864 (中华人民共和国学位代码) has finer codes
// per discipline; the national collection only needs the level.

export const DEGREES = defineCodeTable(
  [
    { code: "NONE", label: "无" },
    { code: "BACHELOR", label: "学士" },
    { code: "MASTER", label: "硕士" },
    { code: "DOCTOR", label: "博士" },
  ],
  "请选择学位",
);

export type DegreeCode = (typeof DEGREES.codes)[number];
