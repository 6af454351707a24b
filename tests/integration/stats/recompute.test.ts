import ExcelJS from "exceljs";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/registry";
import { statsDashboard } from "@/lib/stats/dashboard";
import { statsExport } from "@/lib/stats/export";
import {
  recomputeDueStats,
  recomputeNow,
  STATS_BUSY,
  STATS_FRESH,
  STATS_PROVINCE_ONLY,
  statsIntervalMinutes,
} from "@/lib/stats/recompute";
import { failingCommits } from "../../support/failing-commits";
import { addPeople, scopeOf } from "./fixtures";

// The recompute as a job (due by the data: counts older than the interval), as 立即更新 (province,
// once a minute, audited), replacing the rows all at once; and 导出Excel of a chart. 青海 (63) is
// this file's alone.

const ctx = { ip: "203.0.113.71", userAgent: "vitest-stats" };
const CHENGDONG = "630102";
const CHENGZHONG = "630103";
const QINGHAI = scopeOf("630000", "staff-qinghai");
const url = inject("databaseUrl");
const onPostgres = inject("databaseKind") === "postgres";

/** Later than anything another test file computed: every test starts from due counts. */
let clock = new Date("2027-03-01T00:00:00Z").getTime();
const later = (ms: number) => new Date((clock += ms));
const HOUR = 3_600_000;

async function people(regionCode: string, now: Date) {
  const d = await statsDashboard(db, scopeOf(regionCode), null, now);
  return d!.fixed["collection-status"].reduce((a, b) => a + b.count, 0);
}

afterEach(() => {
  delete process.env.KUAIJI_STATS_INTERVAL_MINUTES;
});

describe("the region-stats job", () => {
  it("is registered, checking every minute", () => {
    expect(JOBS.find((j) => j.name === "region-stats")).toMatchObject({ schedule: "* * * * *" });
  });

  it("recomputes only counts older than KUAIJI_STATS_INTERVAL_MINUTES (default 10)", async () => {
    await addPeople(db, [{ regionCode: CHENGDONG }]);
    const t = later(HOUR);
    expect(await recomputeDueStats({ db, now: t })).toMatchObject({ processed: 1 });
    await addPeople(db, [{ regionCode: CHENGDONG }]);
    const at = (minutes: number) => new Date(t.getTime() + minutes * 60_000);
    expect(await recomputeDueStats({ db, now: at(9) })).toEqual({ processed: 0 });
    expect(await people(CHENGDONG, at(9))).toBe(1);
    expect(await recomputeDueStats({ db, now: at(10) })).toMatchObject({ processed: 1 });
    expect(await people(CHENGDONG, at(10))).toBe(2);

    process.env.KUAIJI_STATS_INTERVAL_MINUTES = "2";
    expect(await recomputeDueStats({ db, now: at(11) })).toEqual({ processed: 0 });
    expect(await recomputeDueStats({ db, now: at(12) })).toMatchObject({ processed: 1 });
    clock = at(12).getTime();
  });

  it("refuses a malformed interval rather than guessing", () => {
    for (const bad of ["0", "1441", "5.5", "ten", "-3"]) {
      expect(() => statsIntervalMinutes({ KUAIJI_STATS_INTERVAL_MINUTES: bad })).toThrow(
        /KUAIJI_STATS_INTERVAL_MINUTES/,
      );
    }
    expect(statsIntervalMinutes({ KUAIJI_STATS_INTERVAL_MINUTES: " 1440 " })).toBe(1440);
    expect(statsIntervalMinutes({})).toBe(10);
  });

  it("keeps the old counts whole when the run does not commit", async () => {
    const t = later(HOUR);
    await recomputeDueStats({ db, now: t });
    const before = await people(CHENGDONG, t);
    const stamp = (await statsDashboard(db, scopeOf(CHENGDONG), null, t))!.computedAt;
    await addPeople(db, [{ regionCode: CHENGDONG }, { regionCode: CHENGZHONG }]);
    await expect(recomputeDueStats({ db: failingCommits(), now: later(HOUR) })).rejects.toThrow(
      "commit failed",
    );
    expect(await people(CHENGDONG, t)).toBe(before);
    expect((await statsDashboard(db, scopeOf(CHENGDONG), null, t))!.computedAt).toBe(stamp);
    expect(await recomputeDueStats({ db, now: later(HOUR) })).toMatchObject({ processed: 1 });
    expect(await people(CHENGDONG, t)).toBe(before + 1);
  });
});

describe.runIf(onPostgres)("the recompute next to other sessions (PostgreSQL)", () => {
  async function otherSession() {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    return client;
  }

  it("shows readers the old counts until the new ones commit", async () => {
    await recomputeDueStats({ db, now: later(HOUR) });
    const before = await people(CHENGZHONG, new Date(clock));
    await addPeople(db, [{ regionCode: CHENGZHONG }]);
    // Hold the recompute mid-way: its last statements read TransferIn.
    const blocker = await otherSession();
    try {
      await blocker.query('LOCK TABLE "TransferIn" IN ACCESS EXCLUSIVE MODE');
      const running = recomputeDueStats({ db, now: later(HOUR) });
      for (let waiting = 0; waiting === 0;) {
        await new Promise((r) => setTimeout(r, 50));
        const r = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        waiting = r[0]!.n;
      }
      // Every other dimension is already replaced inside the open transaction.
      expect(await people(CHENGZHONG, new Date(clock))).toBe(before);
      const concurrent = await recomputeNow(db, ctx, QINGHAI, later(HOUR));
      expect(concurrent).toMatchObject({ ok: false, reason: "busy", message: STATS_BUSY });
      await blocker.query("ROLLBACK");
      expect(await running).toMatchObject({ processed: 1 });
    } finally {
      await blocker.end();
    }
    expect(await people(CHENGZHONG, new Date(clock))).toBe(before + 1);
  });
});

describe("立即更新", () => {
  it("is the province's, at most once a minute, and audited", async () => {
    await recomputeDueStats({ db, now: later(HOUR) });
    expect(await recomputeNow(db, ctx, scopeOf("630100"), later(HOUR))).toEqual({
      ok: false,
      reason: "province-only",
      message: STATS_PROVINCE_ONLY,
    });
    const t = later(HOUR);
    const first = await recomputeNow(db, ctx, QINGHAI, t);
    expect(first).toMatchObject({ ok: true, computedAt: t });
    expect(await recomputeNow(db, ctx, QINGHAI, new Date(t.getTime() + 59_000))).toMatchObject({
      ok: false,
      reason: "fresh",
      message: STATS_FRESH,
    });
    expect(await recomputeNow(db, ctx, QINGHAI, new Date(t.getTime() + 60_000))).toMatchObject({
      ok: true,
    });
    clock = t.getTime() + 60_000;
    const audits = await db.auditEvent.findMany({
      where: { action: "stats.recompute", actorId: QINGHAI.staffId },
    });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ outcome: "success", regionCode: "630000", ip: ctx.ip });
    expect(await db.auditEvent.count({ where: { actorId: "staff-630100" } })).toBe(0);
  });
});

describe("立即更新 while others are audited", () => {
  it("succeeds and is on the record though audit rows commit during its snapshot", async () => {
    await recomputeDueStats({ db, now: later(HOUR) });
    const t = later(HOUR);
    let done = false;
    // Other requests audited all the while: each row joins the chain after the newest committed
    // one, which the recompute's REPEATABLE READ snapshot cannot see.
    const others = (async () => {
      let n = 0;
      while (!done || n < 3) {
        await db.auditEvent.create({
          data: { actorType: "system", action: "holiday.change", outcome: "success" },
        });
        n++;
      }
      return n;
    })();
    const r = await recomputeNow(db, ctx, QINGHAI, t).finally(() => (done = true));
    expect(await others).toBeGreaterThanOrEqual(3);
    expect(r).toMatchObject({ ok: true, computedAt: t });
    expect(
      await db.auditEvent.count({
        where: {
          action: "stats.recompute",
          actorId: QINGHAI.staffId,
          at: { gte: new Date(Date.now() - 60_000) },
        },
      }),
    ).toBeGreaterThanOrEqual(1);
    clock = t.getTime() + 60_000;
  });
});

describe("导出Excel", () => {
  it("writes the chart's table with the region and 数据截至, and audits it", async () => {
    const t = later(HOUR);
    await recomputeDueStats({ db, now: t });
    const d = (await statsDashboard(db, QINGHAI, null, t))!;
    const file = await statsExport(db, ctx, QINGHAI, { chart: "region" }, t);
    expect(file!.filename).toBe("青海省-按市.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.body as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(rows[1]).toEqual(["青海省 按市"]);
    expect(rows[2]).toEqual([expect.stringMatching(/^数据截至：2027-03-\d\d \d\d:\d\d$/)]);
    expect(rows[4]).toEqual(["城市", "人数", "已采集"]);
    const xining = rows.find((r) => Array.isArray(r) && r[0] === "西宁市");
    const expected = d.children.find((c) => c.name === "西宁市")!;
    expect(xining).toEqual(["西宁市", expected.total, expected.collected]);
    expect(expected.total).toBeGreaterThanOrEqual(4);

    const audit = await db.auditEvent.findFirst({
      where: { action: "stats.export", actorId: QINGHAI.staffId },
    });
    expect(audit).toMatchObject({
      targetType: "stats-chart",
      targetId: "region",
      regionCode: "630000",
    });
  });

  it("exports the CE chart of the chosen year, and nothing outside the staff's region", async () => {
    const file = await statsExport(
      db,
      ctx,
      QINGHAI,
      { chart: "ce", ceYear: 2025 },
      new Date(clock),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.body as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.getCell("A1").value).toBe("青海省 继续教育完成情况（2025年度）");
    // a county's staff asking for the city, or another province: nothing, and nothing audited
    const county = scopeOf(CHENGDONG, "staff-qinghai-county");
    expect(await statsExport(db, ctx, county, { chart: "region", region: "630100" })).toBeNull();
    expect(await statsExport(db, ctx, QINGHAI, { chart: "region", region: "640000" })).toBeNull();
    // a county has no 按区县 chart
    expect(await statsExport(db, ctx, county, { chart: "region" })).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: county.staffId } })).toBe(0);
  });
});
