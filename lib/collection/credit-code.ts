import * as z from "zod/mini";
import { normalizedBy } from "@/lib/utils/refinement";

// 统一社会信用代码 — GB 32100-2015: 18 characters from 31 (digits and capitals without I O S V Z):
// 1 登记管理部门码, 2 机构类别码, 3–8 登记管理机关行政区划码 (GB/T 2260), 9–17 主体标识码
// (组织机构代码), 18 check character over the first 17 (weights 3^i mod 31, check = 31 − Σ mod 31).

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Canonical form: NFKC (full-width input from a Chinese IME), no whitespace, upper case. */
export function normalizeCreditCode(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** Check character for the first 17 characters. Throws on anything outside the charset. */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17) throw new Error("creditCodeCheckChar expects 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body17.charAt(i));
    if (value < 0) throw new Error("creditCodeCheckChar: character outside GB 32100's charset");
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export type CreditCodeResult = { ok: true; normalized: string } | { ok: false; message: string };

export function validateCreditCode(raw: string): CreditCodeResult {
  const code = normalizeCreditCode(raw);
  if (code === "") return { ok: false, message: "请输入统一社会信用代码" };
  if (code.length !== 18) {
    return { ok: false, message: `统一社会信用代码应为18位（当前为${code.length}位）` };
  }
  if (![...code].every((c) => CREDIT_CODE_CHARSET.includes(c))) {
    return {
      ok: false,
      message: "统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）",
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, message: "统一社会信用代码第3至8位（行政区划码）应为数字" };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return { ok: false, message: "统一社会信用代码校验位错误，请核对后重新输入" };
  }
  return { ok: true, normalized: code };
}

/** zod field: outputs the normalised code; the Chinese message lands on the field. */
export const creditCodeSchema = normalizedBy(
  z
    .string({ error: () => "请输入统一社会信用代码" })
    .check(z.maxLength(40, "统一社会信用代码应为18位")),
  validateCreditCode,
);
