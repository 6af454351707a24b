import type { GenderCode } from "@/lib/identity/gb11643";

// 性别 as 个人信息 offers it where the document number does not carry it. Apart from the step's
// schema (schemas/personal.ts), so the form and the pages that name a gender load no zod.

export const GENDER_OPTIONS: readonly { value: GenderCode; label: string }[] = [
  { value: "1", label: "男" },
  { value: "2", label: "女" },
];
