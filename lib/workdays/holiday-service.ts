import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Refusal } from "@/lib/db/refusal";
import { invalidRefusal } from "@/lib/http/action-result";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { childLogger } from "@/lib/log/logger";
import { regionScopePrefix, type StaffScope } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { beijingToday } from "@/lib/time/beijing";
import {
  calendarFromRows,
  type CalendarRow,
  type HolidayCalendar,
  missingCalendarMessage,
  yearsWithoutData,
} from "./calendar";
import { chineseDaysRows, chineseDaysYears } from "./chinese-days";
import {
  HOLIDAY_KINDS,
  holidayDateSchema,
  holidayDaySchema,
  type HolidayKind,
} from "./schemas/holiday-day";

// The holiday table (HolidayDay; issue 10, "Working days"): seeded from chinese-days, extended by
// province staff (节假日设置) when the State Council publishes a new year. Working-day arithmetic
// (working-days.ts, review-deadline.ts) takes the calendar this module loads.

/** Each process keeps the calendar this long; an edit clears it at once on its own instance. */
export const HOLIDAY_CACHE_MS = 60_000;

// On globalThis: Next.js may load this module more than once (routes, actions), one cache for all.
const cache = globalThis as unknown as {
  kuaijiHolidays?: { loadedAt: number; calendar: Promise<HolidayCalendar> };
};

const toDay = (date: Date) => date.toISOString().slice(0, 10); // @db.Date: UTC midnight
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The calendar from the table, cached per process for HOLIDAY_CACHE_MS. */
export function holidayCalendar(db: Db): Promise<HolidayCalendar> {
  const hit = cache.kuaijiHolidays;
  if (hit && Date.now() - hit.loadedAt < HOLIDAY_CACHE_MS) return hit.calendar;
  const calendar = db.holidayDay
    .findMany({ select: { day: true, kind: true } })
    .then((rows) =>
      calendarFromRows(
        rows.flatMap((r): CalendarRow[] =>
          HOLIDAY_KINDS.is(r.kind) ? [{ date: toDay(r.day), kind: r.kind }] : [],
        ),
      ),
    );
  const entry = { loadedAt: Date.now(), calendar };
  cache.kuaijiHolidays = entry;
  calendar.catch(() => {
    if (cache.kuaijiHolidays === entry) cache.kuaijiHolidays = undefined; // try again next time
  });
  return calendar;
}

export function forgetHolidayCalendar(): void {
  cache.kuaijiHolidays = undefined;
}

/**
 * The years around `now` (this one and the next, Beijing time) the table has no data for, and
 * the warning the console and /api/ready show (null when both have data).
 */
export async function calendarWarning(
  db: Db,
  now = new Date(),
): Promise<{ years: number[]; message: string | null }> {
  const year = Number(beijingToday(now).slice(0, 4));
  const years = yearsWithoutData(await holidayCalendar(db), [year, year + 1]);
  return { years, message: missingCalendarMessage(years) };
}

const SYSTEM = { ip: null, userAgent: "holiday seed" };

/**
 * Copies chinese-days' years the table has no row for (idempotent: a year staff have started, or
 * one seeded before, is left alone; instances starting together insert each day once). Audited.
 */
export async function seedHolidays(db: Db): Promise<{ years: number[]; days: number }> {
  const present = new Set(
    (await db.holidayDay.groupBy({ by: ["year"] })).map((r: { year: number }) => r.year),
  );
  const years = chineseDaysYears().filter((year) => !present.has(year));
  if (years.length === 0) return { years, days: 0 };
  const days = await db.$transaction(async (tx) => {
    const inserted = await tx.holidayDay.createMany({
      data: chineseDaysRows(years).map((r) => ({
        day: toDate(r.date),
        year: Number(r.date.slice(0, 4)),
        kind: r.kind,
        name: r.name ?? null,
        source: "chinese-days",
      })),
      skipDuplicates: true,
    });
    if (inserted.count > 0) {
      await writeAudit(tx, SYSTEM, {
        actorType: "system",
        action: "holiday.seed",
        outcome: "success",
        details: { years, days: inserted.count },
      });
    }
    return inserted.count;
  });
  forgetHolidayCalendar();
  return { years, days };
}

/**
 * The seed as every server runs it when it starts (instrumentation.ts), on the embedded default
 * and in production alike. A failure (say, migrations not yet applied) is logged, not fatal: the
 * console and /api/ready then report the years without data.
 */
export async function seedHolidaysOnStart(db: Db): Promise<void> {
  const log = childLogger({ component: "holidays" });
  try {
    const r = await seedHolidays(db);
    if (r.days > 0) log.info(r, "holiday table seeded from chinese-days");
  } catch (error) {
    log.warn(
      { err: { type: error instanceof Error ? error.name : typeof error } },
      "holiday seed failed",
    );
  }
}

export interface HolidayDayView {
  date: string;
  kind: HolidayKind;
  name: string | null;
  /** chinese-days, or staff (entered in 节假日设置) */
  source: string;
  updatedAt: Date;
}

/** A year's 放假 and 调休 days, in date order. */
export async function holidaysOfYear(db: Db, year: number): Promise<HolidayDayView[]> {
  const rows = await db.holidayDay.findMany({ where: { year }, orderBy: { day: "asc" } });
  return rows.flatMap((r) =>
    HOLIDAY_KINDS.is(r.kind)
      ? [
          {
            date: toDay(r.day),
            kind: r.kind,
            name: r.name,
            source: r.source,
            updatedAt: r.updatedAt,
          },
        ]
      : [],
  );
}

export const HOLIDAYS_PROVINCE_ONLY = "节假日安排由省级财政部门设置，您可以查看";
export const HOLIDAY_GONE = "该日期已不在节假日表中，页面已刷新";

export type HolidayEditResult =
  { ok: true; year: number } | Refusal<"invalid" | "not-province" | "stale" | "role">;

/** 节假日设置 is for the staff of the jurisdiction itself (the province, or 深圳 on its own platform). */
export function canEditHolidays(scope: StaffScope): boolean {
  const own = regionScopePrefix(getJurisdiction().code);
  return scope.regionCodes.some((code) => regionScopePrefix(code) === own);
}

function notProvince(): Refusal<"not-province"> {
  return { ok: false, reason: "not-province", message: HOLIDAYS_PROVINCE_ONLY };
}

function audit(scope: StaffScope, date: string, details: Prisma.InputJsonObject) {
  return {
    actorType: "staff",
    actorId: scope.staffId,
    action: "holiday.change",
    outcome: "success",
    regionCode: getJurisdiction().code,
    targetType: "holiday-day",
    targetId: date,
    details,
  } as const;
}

/** Adds a day, or changes the kind and name of one already there. Audited with what it was. */
export async function saveHolidayDay(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  input: unknown,
): Promise<HolidayEditResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = holidayDaySchema.safeParse(input);
  if (!parsed.success) {
    return invalidRefusal(parsed.error.issues);
  }
  if (!canEditHolidays(scope)) return notProvince();
  const { date, kind, name } = parsed.data;
  const year = Number(date.slice(0, 4));
  await db.$transaction(async (tx) => {
    const before = await tx.holidayDay.findUnique({ where: { day: toDate(date) } });
    if (before?.kind === kind && before.name === name) return; // nothing to change
    const data = { kind, name, source: "staff", updatedBy: scope.staffId };
    await tx.holidayDay.upsert({
      where: { day: toDate(date) },
      create: { day: toDate(date), year, ...data },
      update: data,
    });
    const previous = before && { kind: before.kind, name: before.name, source: before.source };
    await writeAudit(tx, ctx, audit(scope, date, { op: "save", kind, name, previous }));
  });
  forgetHolidayCalendar();
  return { ok: true, year };
}

/** Removes a day (it becomes an ordinary day of the week). Audited with what it was. */
export async function deleteHolidayDay(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  input: unknown,
): Promise<HolidayEditResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = holidayDateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "stale", message: HOLIDAY_GONE };
  if (!canEditHolidays(scope)) return notProvince();
  const { date } = parsed.data;
  const deleted = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ kind: string; name: string | null; source: string }[]>`
      DELETE FROM "HolidayDay" WHERE day = ${date}::date RETURNING kind, name, source`;
    if (!row) return false;
    await writeAudit(tx, ctx, audit(scope, date, { op: "delete", previous: row }));
    return true;
  });
  forgetHolidayCalendar();
  return deleted
    ? { ok: true, year: Number(date.slice(0, 4)) }
    : { ok: false, reason: "stale", message: HOLIDAY_GONE };
}
