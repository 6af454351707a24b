import { data as gb3304 } from "gb3304";
import { defineCodeTable } from "./code-table";
import { ETHNIC_GROUP_REQUIRED } from "./ethnic-group-codes";

// 民族 — GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码, two-digit numeric codes 01–56 from the
// `gb3304` package (which lists them in the standard's two-column order: sorted here by code),
// plus the two codes the standard reserves and collection forms use: 97 其他, 98 外国血统中国籍人士.
// Server pages only: the browser checks a choice with ethnic-group-codes.ts and gets the options
// from the page.

export const ETHNIC_GROUPS = defineCodeTable(
  [
    ...[...gb3304]
      .sort((a, b) => a.digitalCode.localeCompare(b.digitalCode))
      .map((item) => ({ code: item.digitalCode, label: item.name })),
    { code: "97", label: "其他" },
    { code: "98", label: "外国血统中国籍人士" },
  ],
  ETHNIC_GROUP_REQUIRED,
);

export type EthnicGroupCode = string;
