/**
 * 出具日期 as the domain writes it for 档案核验 (lib/verification/issue-date.ts: "2026年11月27日",
 * as printed on the PDF) in ISO form, "2026-11-27", for a reader of English; null for anything
 * else, which is then shown as it is.
 */
export function issuedOnIso(text: string): string | null {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}
