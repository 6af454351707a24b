import * as z from "zod/mini";
import { text } from "@/lib/utils/refinement";
import { type CollectionContext, yearProblem } from "../rules";

// Field schemas shared by the collection steps (and later 信息变更). Every message is Chinese and
// names the field, since lists repeat the same field under different entries. The step schemas
// use zod/mini: the browser runs them, and its functions tree-shake where zod's classic API does not.

/** Trimmed text, required, at most `max` characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: () => `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, `请填写${label}`),
      z.maxLength(max, `${label}不能超过${max}个字`),
    );
}

/** An uploaded file's opaque id (the storage layer issues it); `message` says what to upload. */
export function attachmentId(message: string) {
  return z
    .string({ error: () => message })
    .check(z.trim(), z.minLength(1, message), z.maxLength(100, message));
}

export type YearResult = { ok: true; year: number } | { ok: false; message: string };

/** Reads a year typed as a number or a string ("2020") and applies the year rules. */
export function readYear(raw: unknown, label: string, ctx: CollectionContext): YearResult {
  const s = typeof raw === "number" ? String(raw) : text(raw).trim();
  if (s === "") return { ok: false, message: `请填写${label}` };
  if (!/^\d{4}$/.test(s)) return { ok: false, message: `${label}应为4位年份，如2020` };
  const problem = yearProblem(Number(s), label, ctx);
  return problem ? { ok: false, message: problem } : { ok: true, year: Number(s) };
}

/** A required year field: outputs a number; the year rules apply (see rules.ts). */
export function yearField(label: string, ctx: CollectionContext) {
  return z.pipe(
    z.union([z.number(), z.string()], { error: () => `请填写${label}` }),
    z.transform((raw: number | string, issue) => {
      const r = readYear(raw, label, ctx);
      if (!r.ok) {
        issue.issues.push({ code: "custom", message: r.message, input: raw });
        return z.NEVER;
      }
      return r.year;
    }),
  );
}

/** A year that only some choices need: raw here, read with `readYear` in the refinement. */
export const optionalYearInput = z.optional(z.union([z.number(), z.string()]));

/** "YYYY-MM" with a real month, or undefined. */
export function parseMonth(raw: unknown): string | undefined {
  const s = text(raw).trim();
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 1900) return undefined;
  return s;
}

/** A month picked as "YYYY-MM" (what <input type="month"> gives). */
export function monthField(label: string) {
  return z.string({ error: () => `请选择${label}` }).check(
    z.trim(),
    z.minLength(1, `请选择${label}`),
    z.refine((s) => parseMonth(s) !== undefined, `${label}格式应为YYYY-MM，如2020-09`),
  );
}
