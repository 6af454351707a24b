// GB 11643-1999 公民身份号码: 6-digit area + 8-digit birth date + 3-digit sequence + check.
// The same 18-character scheme is used by 港澳台居民居住证 and the 2023 外国人永久居留身份证.

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (sum mod 11). */
const CHECK_CHARS = "10X98765432";

/** Earliest birth date we accept: GB 11643's own example starts there, older is not credible. */
export const EARLIEST_BIRTH_DATE = "1880-01-01";

export type GenderCode = "1" | "2"; // GB/T 2261.1: 1 男, 2 女

/** Computes the check character for the first 17 digits. Throws on anything else. */
export function gb11643CheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error("gb11643CheckChar expects exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** True when the 18-character number is well-formed and its last character matches. */
export function hasValidGb11643Check(id18: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id18)) return false;
  return gb11643CheckChar(id18.slice(0, 17)) === id18.charAt(17);
}

/** 17th digit: odd → male "1", even → female "2". */
export function gb11643Gender(id18: string): GenderCode {
  return Number(id18.charAt(16)) % 2 === 1 ? "1" : "2";
}

/** Today's date in Beijing time (UTC+8, no DST) as YYYY-MM-DD, whatever the server's zone. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type BirthDateResult =
  { ok: true; date: string } | { ok: false; reason: "invalid" | "too-early" | "future" };

/** Checks an 8-digit YYYYMMDD against the real calendar, 1880-01-01 and Beijing's today. */
export function parseBirthDate(yyyymmdd: string, now: Date): BirthDateResult {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return { ok: false, reason: "invalid" };
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Date.UTC rolls 02-30 over to 03-02: a round trip that changes the date means it does not exist.
  if (
    probe.getUTCFullYear() !== Number(y) ||
    probe.getUTCMonth() !== Number(mo) - 1 ||
    probe.getUTCDate() !== Number(d)
  ) {
    return { ok: false, reason: "invalid" };
  }
  const iso = `${y}-${mo}-${d}`;
  if (iso < EARLIEST_BIRTH_DATE) return { ok: false, reason: "too-early" };
  if (iso > beijingDate(now)) return { ok: false, reason: "future" };
  return { ok: true, date: iso };
}

// GB/T 2260 province-level codes of the mainland (31 provinces, autonomous regions and
// municipalities). Only the prefix is checked: abolished county codes stay valid in old IDs.
const MAINLAND_PROVINCES = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65".split(
    " ",
  ),
);

/** Mainland province prefix (11–65), as on the 2023 永居证 and nearly every 居民身份证. */
export function isMainlandProvinceCode(code2: string): boolean {
  return MAINLAND_PROVINCES.has(code2);
}

/** Province prefixes a 居民身份证 can plausibly carry: the mainland plus 71 (Taiwan, GB/T 2260). */
export function isResidentIdProvinceCode(code2: string): boolean {
  return MAINLAND_PROVINCES.has(code2) || code2 === "71";
}

/** 港澳台居民居住证 area codes: the whole number starts with one of these. */
export const HMT_RESIDENCE_AREA_CODES = ["810000", "820000", "830000"] as const;
