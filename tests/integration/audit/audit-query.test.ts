import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuditFilter } from "@/lib/audit/audit-filter";
import { parseAuditFilter } from "@/lib/audit/audit-filter";
import {
  AUDIT_PAGE_SIZE,
  auditRowsForStaff,
  NO_SUCH_STAFF,
  REGION_OUTSIDE_SCOPE,
} from "@/lib/audit/audit-query";
import { db } from "@/lib/db/client";
import { ROLE_DENIED, type StaffActor } from "@/lib/codes/staff-roles";
import { createTestStaff } from "../../support/staff";

// 操作日志: what a staff member of a county, a city and the province sees; the filters; keyset pages
// that neither repeat nor skip rows sharing a timestamp; and the audit.read row each read leaves.
// Every test marks its rows with a target type of its own, so other files' rows never interfere.

const ctx = { ip: "203.0.113.77", userAgent: "vitest-audit" };
const READ = ["audit-read"];
const TIANHE: StaffActor = { staffId: randomUUID(), regionCodes: ["440106"], roles: READ };
const GUANGZHOU: StaffActor = { staffId: randomUUID(), regionCodes: ["440100"], roles: READ };
const PROVINCE: StaffActor = { staffId: randomUUID(), regionCodes: ["440000"], roles: READ };

/** A target type no other test uses (lower-case letters, as the filter takes it). */
function marker(): string {
  const letters = randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 10);
  return `q-${letters}`;
}

interface Seed {
  at?: string;
  regionCode?: string | null;
  actorType?: string;
  actorId?: string | null;
  action?: string;
  outcome?: string;
  targetId?: string;
}

async function seed(targetType: string, rows: Seed[]) {
  await db.auditEvent.createMany({
    data: rows.map((r, i) => ({
      at: new Date(r.at ?? "2030-01-01T00:00:00Z"),
      actorType: r.actorType ?? "system",
      actorId: r.actorId ?? null,
      action: r.action ?? "holiday.change",
      outcome: r.outcome ?? "success",
      regionCode: r.regionCode === undefined ? "440106" : r.regionCode,
      targetType,
      targetId: r.targetId ?? String(i),
      details: { n: i },
    })),
  });
}

async function list(scope: StaffActor, filter: AuditFilter, after?: string | null) {
  const r = await auditRowsForStaff(db, ctx, scope, filter, after);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The id in the 对象 column ("<type> <id>"). */
const targetIdOf = (r: { target: string | null }) => r.target?.split(" ")[1];

const regionsSeen = async (scope: StaffActor, targetType: string) =>
  (await list(scope, { targetType })).rows.map((r) => r.regionCode).sort();

describe("操作日志 scope", () => {
  it("shows a county its own rows, a city its counties, the province all and the rows of no region", async () => {
    const t = marker();
    await seed(t, [
      { regionCode: "440106" }, // 天河区: own county
      { regionCode: "440103" }, // 荔湾区: a sibling county
      { regionCode: "440100" }, // 广州市 itself: the county's parent
      { regionCode: "440305" }, // 深圳 南山区: another city
      { regionCode: "440000" }, // the province
      { regionCode: null, actorType: "anonymous" }, // a failed login of an unknown account
    ]);
    expect(await regionsSeen(TIANHE, t)).toEqual(["440106"]);
    expect(await regionsSeen(GUANGZHOU, t)).toEqual(["440100", "440103", "440106"]);
    expect(await regionsSeen(PROVINCE, t)).toEqual(
      ["440000", "440100", "440103", "440106", "440305", null].sort(),
    );
  });

  it("takes a region filter only within the scope", async () => {
    const t = marker();
    await seed(t, [{ regionCode: "440106" }, { regionCode: "440103" }, { regionCode: null }]);
    const inCity = await list(GUANGZHOU, { targetType: t, region: "440103" });
    expect(inCity.rows.map((r) => r.regionCode)).toEqual(["440103"]);
    expect(inCity.rows[0]!.regionName).toBe("广东省 广州市 荔湾区");
    // The province filtering by a city leaves out the rows of no region.
    const city = await list(PROVINCE, { targetType: t, region: "440100" });
    expect(city.rows.map((r) => r.regionCode).sort()).toEqual(["440103", "440106"]);
    for (const [scope, region] of [
      [TIANHE, "440103"], // sibling
      [TIANHE, "440100"], // parent
      [GUANGZHOU, "440000"],
      [GUANGZHOU, "440305"],
    ] as const) {
      expect(await auditRowsForStaff(db, ctx, scope, { targetType: t, region })).toEqual({
        ok: false,
        field: "region",
        message: REGION_OUTSIDE_SCOPE,
      });
    }
  });

  it("shows nothing to a scope of malformed codes", async () => {
    const t = marker();
    await seed(t, [{ regionCode: null }, { regionCode: "440106" }]);
    const malformed = { staffId: randomUUID(), regionCodes: ["", "0"], roles: READ };
    const none = await list(malformed, { targetType: t });
    expect(none.rows).toEqual([]);
  });
});

describe("操作日志 filters", () => {
  it("filters by a staff member's 登录名, a person's id, an action or a group, and the outcome", async () => {
    const t = marker();
    const staff = await createTestStaff(db, "440100", ["audit-read"]);
    const person = randomUUID();
    await seed(t, [
      { actorType: "staff", actorId: staff.id, action: "ce.claim-review" },
      { actorType: "staff", actorId: staff.id, action: "staff.person-lookup", outcome: "failure" },
      { actorType: "person", actorId: person, action: "auth.login" },
      { actorType: "person", actorId: person, action: "auth.lockout", outcome: "denied" },
      { actorType: "staff", actorId: randomUUID(), action: "transfer.in-review" },
    ]);
    const ids = async (f: AuditFilter) =>
      (await list(GUANGZHOU, { targetType: t, ...f })).rows.map(targetIdOf).sort();
    const username = parseAuditFilter({ actor: staff.username.toUpperCase() });
    if (!username.ok) throw new Error("actor");
    expect(await ids(username.filter)).toEqual(["0", "1"]);
    expect(await ids({ actor: { kind: "person", id: person } })).toEqual(["2", "3"]);
    expect(await ids({ actions: ["auth.lockout"] })).toEqual(["3"]);
    const review = parseAuditFilter({ action: "group:review" });
    if (!review.ok) throw new Error("action");
    expect(await ids(review.filter)).toEqual(["0", "4"]);
    expect(await ids({ outcome: "failure" })).toEqual(["1"]);
    expect(await ids({ actions: [] })).toEqual([]);
    expect(await ids({ targetId: "2" })).toEqual(["2"]);

    const rows = (await list(GUANGZHOU, { targetType: t, targetId: "0" })).rows;
    expect(rows[0]).toMatchObject({
      actorLabel: `测试人员（${staff.username}）`,
      actionLabel: "学分认定",
      outcomeLabel: "成功",
      details: [["n", "0"]],
    });

    expect(
      await auditRowsForStaff(db, ctx, GUANGZHOU, {
        actor: { kind: "staff-username", username: "nobody-here" },
      }),
    ).toEqual({ ok: false, field: "actor", message: NO_SUCH_STAFF });
  });

  it("shows a 证件号码 masked before issue 12 (last 4) under today's mask (last 2)", async () => {
    const t = marker();
    await db.auditEvent.create({
      data: {
        at: new Date("2030-01-01T00:00:00Z"),
        actorType: "person",
        action: "auth.register",
        outcome: "success",
        regionCode: "440106",
        targetType: t,
        targetId: "0",
        details: { idType: "RESIDENT_ID", idNumber: "4401**********123X" },
      },
    });
    const [row] = (await list(TIANHE, { targetType: t })).rows;
    expect(row!.details).toEqual([
      ["idType", "RESIDENT_ID"],
      ["idNumber", "4401************3X"],
    ]);
  });

  it("answers a 登录名 outside the scope exactly like one nobody has, and the parent's too", async () => {
    const t = marker();
    const foshan = await createTestStaff(db, "440600", ["audit-read"]);
    const province = await createTestStaff(db, "440000", ["audit-read"]);
    const tianhe = await createTestStaff(db, "440106", ["audit-read"]);
    await seed(t, [{ actorType: "staff", actorId: foshan.id, regionCode: "440106" }]);
    const byName = (username: string) =>
      auditRowsForStaff(db, ctx, GUANGZHOU, {
        targetType: t,
        actor: { kind: "staff-username", username },
      });
    const missing = await byName("nobody-here");
    expect(missing).toEqual({ ok: false, field: "actor", message: NO_SUCH_STAFF });
    expect(await byName(foshan.username)).toEqual(missing);
    expect(await byName(province.username)).toEqual(missing);
    expect((await byName(tianhe.username)).ok).toBe(true);
  });

  it("refuses a staff member without audit-read, reading and recording nothing", async () => {
    const none = { ...GUANGZHOU, staffId: randomUUID(), roles: ["archive-read"] };
    expect(await auditRowsForStaff(db, ctx, none, {})).toEqual({
      ok: false,
      reason: "role",
      message: ROLE_DENIED,
    });
    expect(await db.auditEvent.count({ where: { actorId: none.staffId } })).toBe(0);
  });

  it("reads the time range in Beijing time: whole minutes, start inclusive", async () => {
    const t = marker();
    await seed(t, [
      { at: "2030-03-01T00:29:59.999Z", targetId: "before" }, // 08:29:59.999 Beijing
      { at: "2030-03-01T00:30:00.000Z", targetId: "first" }, // 08:30
      { at: "2030-03-01T01:00:59.999Z", targetId: "last" }, // 09:00:59.999
      { at: "2030-03-01T01:01:00.000Z", targetId: "after" }, // 09:01
    ]);
    const parsed = parseAuditFilter({ from: "2030-03-01T08:30", to: "2030-03-01T09:00" });
    if (!parsed.ok) throw new Error("time");
    const r = await list(TIANHE, { ...parsed.filter, targetType: t });
    expect(r.rows.map(targetIdOf)).toEqual(["last", "first"]);
  });
});

describe("操作日志 pages", () => {
  it("pages newest first on (at, id) without repeating or skipping rows that share a time", async () => {
    const t = marker();
    const total = AUDIT_PAGE_SIZE * 2 + 7;
    // Groups of 10 rows with the same instant, so page boundaries fall inside a group.
    await seed(
      t,
      Array.from({ length: total }, (_, i) => ({
        at: new Date(Date.UTC(2030, 5, 1, 0, Math.floor(i / 10))).toISOString(),
        targetId: String(i),
      })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    do {
      const page = await list(TIANHE, { targetType: t }, after);
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
    } while (after);
    expect(sizes).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    const expected = await db.auditEvent.findMany({
      where: { targetType: t },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((e) => String(e.id)));
    // A cursor that is not one of ours starts from the newest row.
    expect((await list(TIANHE, { targetType: t }, "1; DROP TABLE")).rows[0]!.id).toBe(seen[0]);
  });
});

describe("reading the 操作日志 is on record", () => {
  it("leaves an audit.read row with the filter as ids and codes, and no personal data", async () => {
    const t = marker();
    const staff = await createTestStaff(db, "440100", ["audit-read"]);
    const reader: StaffActor = { staffId: randomUUID(), regionCodes: ["4401"], roles: READ };
    await seed(t, [{ actorType: "staff", actorId: staff.id }]);
    const since = new Date();
    await list(reader, {
      targetType: t,
      actor: { kind: "staff-username", username: staff.username },
      actions: ["holiday.change"],
      from: new Date("2029-12-31T16:00:00Z"),
    });
    const reads = await db.auditEvent.findMany({
      where: { action: "audit.read", actorId: reader.staffId, at: { gte: since } },
    });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actorType: "staff",
      outcome: "success",
      regionCode: "440100",
      ip: ctx.ip,
      details: {
        actorType: "staff",
        actorId: staff.id,
        actions: "holiday.change",
        from: "2029-12-31T16:00:00.000Z",
        targetType: t,
      },
    });
    expect(JSON.stringify(reads[0]!.details)).not.toContain(staff.username);

    // Asking for another city's log reads nothing and is on record as denied.
    await auditRowsForStaff(db, ctx, reader, { region: "440305" });
    const denied = await db.auditEvent.findMany({
      where: {
        action: "audit.read",
        actorId: reader.staffId,
        outcome: "denied",
        at: { gte: since },
      },
    });
    expect(denied.map((d) => d.details)).toEqual([{ region: "440305" }]);
  });
});
