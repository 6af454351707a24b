import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/db/client";
import { beijingToday } from "@/lib/time/beijing";
import { missingCalendarMessage } from "@/lib/workdays/calendar";
import { chineseDaysRows, chineseDaysYears } from "@/lib/workdays/chinese-days";
import {
  calendarWarning,
  deleteHolidayDay,
  forgetHolidayCalendar,
  HOLIDAY_GONE,
  holidayCalendar,
  holidaysOfYear,
  HOLIDAYS_PROVINCE_ONLY,
  saveHolidayDay,
  seedHolidays,
} from "@/lib/workdays/holiday-service";
import { isWorkingDay } from "@/lib/workdays/working-days";
import { createTestStaff } from "../../support/staff";

// The holiday table on the test database: seeded from chinese-days once, edited by province
// staff with every change audited, and a year without data reported.

const ctx = { ip: "203.0.113.30", userAgent: "vitest" };
const ALL_ROWS = chineseDaysRows(chineseDaysYears()).length;

const emptyTable = async () => {
  await db.holidayDay.deleteMany({});
  forgetHolidayCalendar();
};

async function provinceAdmin() {
  const s = await createTestStaff(db, "440000", ["staff-admin"]);
  return { staffId: s.id, regionCodes: [s.regionCode], roles: ["staff-admin"] };
}

const auditOf = (targetId: string) =>
  db.auditEvent.findMany({ where: { action: "holiday.change", targetId }, orderBy: { id: "asc" } });

beforeAll(emptyTable);
afterAll(async () => {
  await emptyTable();
  await seedHolidays(db); // as a server start leaves it
});

describe("holiday seed", () => {
  it("copies every chinese-days year once, however often and however concurrently it runs", async () => {
    const before = await db.auditEvent.count({ where: { action: "holiday.seed" } });
    const runs = await Promise.all([seedHolidays(db), seedHolidays(db), seedHolidays(db)]);
    expect(runs.reduce((n, r) => n + r.days, 0)).toBe(ALL_ROWS);
    expect(await db.holidayDay.count()).toBe(ALL_ROWS);
    expect(await seedHolidays(db)).toEqual({ years: [], days: 0 });
    expect(await db.holidayDay.count()).toBe(ALL_ROWS);
    const audits = await db.auditEvent.findMany({
      where: { action: "holiday.seed" },
      skip: before,
      orderBy: { id: "asc" },
    });
    expect(audits.reduce((n, a) => n + (a.details as { days: number }).days, 0)).toBe(ALL_ROWS);
    expect(audits.every((a) => a.actorType === "system")).toBe(true);
  });

  it("leaves a year staff have edited alone, and brings back a year that has no row at all", async () => {
    const staff = await provinceAdmin();
    expect(
      await saveHolidayDay(db, ctx, staff, { date: "2025-10-01", kind: "holiday", name: "国庆" }),
    ).toEqual({ ok: true, year: 2025 });
    expect(await deleteHolidayDay(db, ctx, staff, { date: "2025-10-02" })).toMatchObject({
      ok: true,
    });
    await db.holidayDay.deleteMany({ where: { year: 2024 } });

    expect(await seedHolidays(db)).toEqual({
      years: [2024],
      days: chineseDaysRows([2024]).length,
    });
    const october = (await holidaysOfYear(db, 2025)).filter((d) => d.date.startsWith("2025-10-0"));
    expect(october.find((d) => d.date === "2025-10-01")).toMatchObject({
      name: "国庆",
      source: "staff",
    });
    expect(october.map((d) => d.date)).not.toContain("2025-10-02");
  });
});

describe("calendar from the table", () => {
  it("counts working days by the rows, and an edit counts at once", async () => {
    await emptyTable();
    await seedHolidays(db);
    const calendar = await holidayCalendar(db);
    expect(isWorkingDay("2026-10-01", calendar)).toBe(false); // 国庆
    expect(isWorkingDay("2026-10-10", calendar)).toBe(true); // 调休 Saturday
    expect(await holidayCalendar(db)).toBe(calendar); // cached

    const staff = await provinceAdmin();
    await saveHolidayDay(db, ctx, staff, { date: "2026-10-10", kind: "holiday", name: "国庆节" });
    expect(isWorkingDay("2026-10-10", await holidayCalendar(db))).toBe(false);
  });
});

describe("节假日设置 by staff", () => {
  it("adds, changes and deletes a day, each audited with what it was", async () => {
    const staff = await provinceAdmin();
    const date = "2028-01-01";
    await db.holidayDay.deleteMany({ where: { year: 2028 } });

    expect(await saveHolidayDay(db, ctx, staff, { date, kind: "holiday", name: "元旦" })).toEqual({
      ok: true,
      year: 2028,
    });
    expect(await db.holidayDay.findUniqueOrThrow({ where: { day: new Date(date) } })).toMatchObject(
      { year: 2028, kind: "holiday", name: "元旦", source: "staff", updatedBy: staff.staffId },
    );
    // Saving the same again changes nothing and records nothing.
    await saveHolidayDay(db, ctx, staff, { date, kind: "holiday", name: " 元旦 " });
    await saveHolidayDay(db, ctx, staff, { date, kind: "holiday", name: "新年" });
    expect(await deleteHolidayDay(db, ctx, staff, { date })).toEqual({ ok: true, year: 2028 });
    expect(await db.holidayDay.count({ where: { year: 2028 } })).toBe(0);

    const audits = await auditOf(date);
    expect(audits.map((a) => [a.actorType, a.actorId, a.outcome, a.ip, a.regionCode])).toEqual(
      Array(3).fill(["staff", staff.staffId, "success", ctx.ip, "440000"]),
    );
    expect(audits.map((a) => a.details)).toEqual([
      { op: "save", kind: "holiday", name: "元旦", previous: null },
      {
        op: "save",
        kind: "holiday",
        name: "新年",
        previous: { kind: "holiday", name: "元旦", source: "staff" },
      },
      { op: "delete", previous: { kind: "holiday", name: "新年", source: "staff" } },
    ]);
  });

  it("refuses staff below the province, a malformed day, and a day already gone", async () => {
    const city = await createTestStaff(db, "440100", ["staff-admin"]);
    const cityScope = { staffId: city.id, regionCodes: [city.regionCode], roles: ["staff-admin"] };
    const input = { date: "2028-05-01", kind: "holiday", name: "劳动节" };
    expect(await saveHolidayDay(db, ctx, cityScope, input)).toEqual({
      ok: false,
      reason: "not-province",
      message: HOLIDAYS_PROVINCE_ONLY,
    });
    expect(await deleteHolidayDay(db, ctx, cityScope, { date: "2026-10-01" })).toMatchObject({
      reason: "not-province",
    });
    expect(await db.holidayDay.count({ where: { day: new Date("2028-05-01") } })).toBe(0);
    expect(await db.holidayDay.count({ where: { day: new Date("2026-10-01") } })).toBe(1);

    const staff = await provinceAdmin();
    expect(
      await saveHolidayDay(db, ctx, staff, { date: "2028-05-02", kind: "workday", name: "劳动节" }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: { kind: "调休上班日应为周六或周日（周一至周五本就上班）" },
    });
    expect(await deleteHolidayDay(db, ctx, staff, { date: "2028-05-03" })).toEqual({
      ok: false,
      reason: "stale",
      message: HOLIDAY_GONE,
    });
    expect(await auditOf("2028-05-01")).toEqual([]);
    expect(await auditOf("2028-05-03")).toEqual([]);
  });
});

describe("a year without data", () => {
  it("is reported for this year and the next until staff enter it", async () => {
    const now = new Date("2026-12-15T04:00:00Z");
    await db.holidayDay.deleteMany({ where: { year: 2027 } });
    forgetHolidayCalendar();
    expect(await calendarWarning(db, now)).toEqual({
      years: [2027],
      message: "2027 年的放假和调休安排尚未录入，工作日暂按周一至周五计算",
    });
    const staff = await provinceAdmin();
    await saveHolidayDay(db, ctx, staff, { date: "2027-01-01", kind: "holiday", name: "元旦" });
    expect(await calendarWarning(db, now)).toEqual({ years: [], message: null });
    await db.holidayDay.deleteMany({ where: { year: 2027 } });
  });

  it("is listed by /api/ready, which stays ready", async () => {
    const next = Number(beijingToday().slice(0, 4)) + 1;
    await db.holidayDay.deleteMany({ where: { year: next } });
    forgetHolidayCalendar();
    const res = await ready(new Request("http://localhost/api/ready"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: Record<string, string>; warnings: string[] };
    expect(body.checks.holidays).toBe("warn");
    expect(body.warnings).toContain(missingCalendarMessage([next]));
  });
});
