// The first year whose 继续教育 this platform holds records of (issue 13, 12). Before it, credits
// were earned and recorded elsewhere (the former 会计从业资格 and continuing-education systems):
// a year the platform knows nothing of is 无记录 — never 未完成 — unless what it does know already
// meets the requirement. Beside the thresholds because lib/ce, lib/search and lib/stats all read
// it, and lib/search cannot import lib/ce.
//
//   KUAIJI_CE_RECORDS_FROM_YEAR   4-digit year   default 2020
//
// The default: from 2020 Guangdong's 公需科目 are taken on the provincial platform and credited
// automatically (粤财会函〔2020〕4号), so the yearly records are whole from then on. A deployment
// that imported older records sets an earlier year; one that starts later, a later one.

type Env = Record<string, string | undefined>;

export const DEFAULT_CE_RECORDS_FROM_YEAR = 2020;
const EARLIEST = 1990;
const LATEST = 2100;

/** KUAIJI_CE_RECORDS_FROM_YEAR, or the default. Throws on a malformed value. */
export function ceRecordsFromYear(env: Env = process.env): number {
  const raw = env.KUAIJI_CE_RECORDS_FROM_YEAR?.trim();
  if (!raw) return DEFAULT_CE_RECORDS_FROM_YEAR;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < EARLIEST || year > LATEST) {
    throw new Error(`KUAIJI_CE_RECORDS_FROM_YEAR 应为${EARLIEST}至${LATEST}之间的四位年份：${raw}`);
  }
  return year;
}
