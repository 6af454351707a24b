// 档案编号: the number of a 会计人员信息档案, printed on the archive and quoted to the finance
// department. 14 digits, no letters (read out over the phone, typed on a phone keypad):
//
//   44 2026 00000123
//   │  │    └ serial: 8 digits, zero-padded, from the PostgreSQL sequence "archive_number_seq"
//   │  │      (created in the collection migration), one sequence per deployment, never reset
//   │  └ year of collection in Beijing time (the year version 1 was submitted)
//   └ the jurisdiction's province (first 2 digits of its GB/T 2260 code: 44 广东)
//
// The province makes numbers from different provinces' platforms distinct when files move
// between them (transfers); the year says at a glance when the file was made. Uniqueness comes
// from the serial alone (the database also has a unique index): 10^8 serials are decades of a
// province's accountants (Guangdong has about 1.5 million). The person's own region is not in
// the number: it changes (信息变更, transfers), an archive number never does.

export const ARCHIVE_NUMBER_SEQUENCE = "archive_number_seq";

const SERIAL_DIGITS = 8;
const PATTERN = /^(\d{2})(\d{4})(\d{8})$/;

export interface ArchiveNumberParts {
  /** 2 digits, e.g. "44". */
  province: string;
  year: number;
  /** 1 … 99 999 999 */
  serial: number;
}

export function formatArchiveNumber({ province, year, serial }: ArchiveNumberParts): string {
  if (!/^\d{2}$/.test(province) || province === "00") {
    throw new RangeError(`档案编号的省级代码应为2位数字：${province}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`档案编号的年份应为4位：${year}`);
  }
  if (!Number.isSafeInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS) {
    throw new RangeError(`档案编号的序号超出范围：${serial}`);
  }
  return `${province}${year}${String(serial).padStart(SERIAL_DIGITS, "0")}`;
}

/** The parts of a well-formed archive number (spaces ignored), or null. */
export function parseArchiveNumber(raw: string): ArchiveNumberParts | null {
  const m = PATTERN.exec(raw.replace(/\s+/g, ""));
  if (!m || m[1] === "00" || Number(m[3]) === 0) return null;
  return { province: m[1]!, year: Number(m[2]), serial: Number(m[3]) };
}

/** The province part for a jurisdiction's GB/T 2260 code ("440000" → "44"). */
export function archiveProvince(jurisdictionCode: string): string {
  return jurisdictionCode.slice(0, 2);
}
