import { formatBeijingDate } from "@/lib/time/beijing";

/** 出具日期 as printed and as 档案核验 shows it: "2026年11月27日", the day in Beijing. */
export function issueDateText(issuedAt: Date): string {
  const [y, m, d] = formatBeijingDate(issuedAt).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
