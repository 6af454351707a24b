import * as z from "zod/mini";

// The 民族 codes without their names: what the 个人信息 schema checks, in the browser as in the
// action. GB/T 3304 numbers its 56 groups 01–56; collection forms add 97 其他 and 98 外国血统中国籍
// 人士. The names (ethnic-group.ts, from `gb3304`) stay on the server: the form gets its options as
// props. A test keeps both lists equal.

export const ETHNIC_GROUP_REQUIRED = "请选择民族";

const CODES: string[] = [
  ...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, "0")),
  "97",
  "98",
];
export const ETHNIC_GROUP_CODES = CODES as [string, ...string[]];

export const ethnicGroupSchema = z.enum(ETHNIC_GROUP_CODES, { error: () => ETHNIC_GROUP_REQUIRED });
