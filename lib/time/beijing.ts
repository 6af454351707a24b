// Beijing time (Asia/Shanghai, UTC+8) helpers. China has kept a fixed UTC+8 offset without
// daylight saving since 1992, so plain offset arithmetic is exact for every date the platform
// handles and gives the same result on the server (often UTC) and in the browser (hydration-safe).
// Do not use these for calendar-only values stored as `@db.Date` (birth dates): those are UTC
// midnights and should be formatted in UTC.

const OFFSET_MS = 8 * 60 * 60 * 1000;

export type DateInput = Date | string | number;

function toDate(input: DateInput): Date {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`无效的时间：${String(input)}`);
  return date;
}

/** ISO string of the instant shifted into Beijing wall-clock time ("YYYY-MM-DDTHH:mm:ss.sssZ"). */
function beijingIso(input: DateInput): string {
  return new Date(toDate(input).getTime() + OFFSET_MS).toISOString();
}

/** "YYYY-MM-DD" of the instant in Beijing time. */
export function formatBeijingDate(input: DateInput): string {
  return beijingIso(input).slice(0, 10);
}

/** "YYYY-MM-DD HH:mm" of the instant in Beijing time (24-hour clock). */
export function formatBeijingDateTime(input: DateInput): string {
  const iso = beijingIso(input);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Today's date in Beijing as "YYYY-MM-DD" (pass `now` in tests). */
export function beijingToday(now: DateInput = new Date()): string {
  return formatBeijingDate(now);
}

/**
 * The instant of Beijing midnight starting the given "YYYY-MM-DD" day (e.g. for "published on or
 * after" queries). Throws RangeError on a malformed or impossible date (2024-02-30).
 */
export function beijingDayStart(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD：${day}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`日期不存在：${day}`);
  }
  return new Date(utc - OFFSET_MS);
}
