import { beforeAll, describe, expect, it } from "vitest";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { db } from "@/lib/db/client";
import type { StatsDashboard } from "@/lib/stats/charts";
import { statsDashboard } from "@/lib/stats/dashboard";
import { ceBucket, ceRequirement } from "@/lib/stats/dimensions";
import { recomputeNow } from "@/lib/stats/recompute";
import {
  addPeople,
  addTransfers,
  KARAMAY_DUSHANZI,
  NINGXIA_XINGQING,
  SAYIBAKE,
  scopeOf,
  TIANSHAN,
  URUMQI,
  XJ,
} from "./fixtures";

// The dashboard of each scope after a recompute: every chart's counts, and that a staff member's
// counts hold their region and below only (own / child / sibling / parent).

const ctx = { ip: "203.0.113.70", userAgent: "vitest-stats" };
const NOW = new Date("2026-11-27T04:00:00Z");
const SHUIMOGOU = "650105";
const bj = (iso: string) => new Date(`${iso}+08:00`);

const count = (d: StatsDashboard, dim: keyof StatsDashboard["fixed"], bucket: string) =>
  d.fixed[dim].find((b) => b.bucket === bucket)!.count;

async function dashboard(staffRegion: string, requested?: string) {
  const d = await statsDashboard(db, scopeOf(staffRegion), requested, NOW);
  if (!d) throw new Error(`no dashboard for ${staffRegion} → ${requested}`);
  return d;
}

/** A CE year's credits for each mix, in a county of its own. */
const CE_MIXES = [0, 150, 300, 450].flatMap((pub) =>
  [0, 300, 590, 600, 900].flatMap((pro) =>
    [0, 1].map((pending) => ({ publicTenths: pub, professionalTenths: pro, pending })),
  ),
);

beforeAll(async () => {
  await addPeople(db, [
    // 天山区: three collected, one draft, one registered only
    {
      regionCode: TIANSHAN,
      birthYear: 1996,
      qualifications: ["ACCOUNTING:INTERMEDIATE", "ECONOMICS:JUNIOR", "ACCOUNTING:JUNIOR"],
      qualificationLevel: "INTERMEDIATE",
      highEndTalent: true,
      collectedAt: bj("2026-01-31T23:30:00"),
      ce: [{ year: 2025, publicTenths: 300, professionalTenths: 600, pending: 0 }],
    },
    {
      regionCode: TIANSHAN,
      birthYear: 1966,
      employmentStatus: "UNEMPLOYED",
      educationLevel: "10",
      collectedAt: bj("2026-02-01T00:30:00"),
      ce: [{ year: 2025, publicTenths: 300, professionalTenths: 100, pending: 2 }],
    },
    {
      regionCode: TIANSHAN,
      birthYear: 1986,
      employmentStatus: null,
      educationLevel: null,
      collectedAt: bj("2026-04-10T10:00:00"),
    },
    { regionCode: TIANSHAN, collectionStatus: "draft", birthYear: 1990, collectedAt: null },
    { regionCode: TIANSHAN, collectionStatus: "none", birthYear: null, collectedAt: null },
    // 沙依巴克区 (sibling county), 乌鲁木齐 itself (no county known), 克拉玛依 (sibling city)
    { regionCode: SAYIBAKE, collectedAt: bj("2026-02-15T12:00:00") },
    { regionCode: URUMQI, collectedAt: bj("2026-02-15T12:00:00") },
    { regionCode: KARAMAY_DUSHANZI, collectedAt: bj("2026-03-15T12:00:00") },
    // 宁夏: another province
    { regionCode: NINGXIA_XINGQING, collectedAt: bj("2026-02-15T12:00:00") },
    // registered after 2025: owes no 2025 credits
    { regionCode: SAYIBAKE, registeredAt: bj("2026-01-01T00:00:00"), collectedAt: null },
    ...CE_MIXES.map((c) => ({ regionCode: SHUIMOGOU, ce: [{ year: 2024, ...c }] })),
  ]);
  await addTransfers(db, TIANSHAN, {
    out: [bj("2026-10-31T23:59:00"), bj("2026-11-01T00:01:00")],
    in: [bj("2026-11-20T09:00:00")],
    openOut: 2,
  });
  await addTransfers(db, KARAMAY_DUSHANZI, { in: [bj("2026-11-02T09:00:00")] });
  const r = await recomputeNow(db, ctx, scopeOf("650000", "staff-stats-setup"), NOW);
  if (!r.ok) throw new Error(r.message);
});

describe("统计分析 dashboard", () => {
  it("counts a county's people per dimension", async () => {
    const d = await dashboard(TIANSHAN);
    expect(d.region).toMatchObject({ code: TIANSHAN, name: "天山区" });
    expect(d.computedAt).toBe(NOW.toISOString());
    expect(d.fixed["collection-status"].map((b) => [b.label, b.count])).toEqual([
      ["已采集", 3],
      ["采集中", 1],
      ["仅注册未采集", 1],
    ]);
    // archive facts: the three collected only
    expect(count(d, "employment-status", "ACCOUNTING_POST")).toBe(1);
    expect(count(d, "employment-status", "UNEMPLOYED")).toBe(1);
    expect(count(d, "employment-status", "NONE")).toBe(1);
    expect(count(d, "education-level", "20")).toBe(1);
    expect(count(d, "education-level", "10")).toBe(1);
    expect(count(d, "education-level", "NONE")).toBe(1);
    expect(count(d, "qualification-level", "INTERMEDIATE")).toBe(1);
    expect(count(d, "qualification-level", "NONE")).toBe(2);
    // two 会计类 entries are one person of that type
    expect(count(d, "qualification-type", "ACCOUNTING")).toBe(1);
    expect(count(d, "qualification-type", "ECONOMICS")).toBe(1);
    expect(count(d, "qualification-type", "NONE")).toBe(2);
    expect(count(d, "high-end-talent", "YES")).toBe(1);
    expect(count(d, "high-end-talent", "NO")).toBe(2);
    // age bands (everyone) as of 2026: 30, 60, 40, 36, unknown
    expect(d.fixed["age-band"].map((b) => b.count)).toEqual([1, 2, 0, 1, 0, 1]);
  });

  it("counts collections per Beijing month, cumulatively and without gaps", async () => {
    const d = await dashboard(TIANSHAN);
    // 23:30 on 31 January in Beijing is January, though UTC says the same; 00:30 on 1 February
    // Beijing is still 31 January in UTC.
    expect(d.collected.map((m) => [m.month, m.count, m.cumulative])).toEqual([
      ["2026-01", 1, 1],
      ["2026-02", 1, 2],
      ["2026-03", 0, 2],
      ["2026-04", 1, 3],
    ]);
    expect(d.collected[0]!.label).toBe("2026年1月");
  });

  it("counts completed transfers per month, open ones not at all", async () => {
    const d = await dashboard(TIANSHAN);
    expect(d.transfers).toHaveLength(24);
    expect(d.transfers.at(-1)).toMatchObject({ month: "2026-11", out: 1, in: 1 });
    expect(d.transfers.at(-2)).toMatchObject({ month: "2026-10", out: 1, in: 0 });
    const xj = await dashboard(XJ);
    expect(xj.transfers.at(-1)).toMatchObject({ out: 1, in: 2 });
  });

  it("counts 继续教育 by year against the thresholds, owed from the year of registration", async () => {
    const d = await dashboard(TIANSHAN);
    const y2025 = d.ce.find((c) => c.year === 2025)!;
    expect(y2025.buckets.map((b) => [b.label, b.count])).toEqual([
      ["已完成", 1],
      ["有在途", 1],
      ["未完成", 1],
    ]);
    expect(d.ce.map((c) => c.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
    const sayibake = await dashboard(SAYIBAKE);
    expect(sayibake.ce.find((c) => c.year === 2025)!.buckets.map((b) => b.count)).toEqual([
      0, 0, 1,
    ]);
    expect(sayibake.ce.find((c) => c.year === 2026)!.buckets.map((b) => b.count)).toEqual([
      0, 0, 2,
    ]);
  });

  it("buckets CE years in SQL exactly as ceBucket does", async () => {
    const r = ceRequirement(getCeThresholds());
    const expected = { COMPLETE: 0, PENDING: 0, INCOMPLETE: 0 } as Record<string, number>;
    for (const c of CE_MIXES) expected[ceBucket(c, r)]! += 1;
    expect(expected.COMPLETE).toBeGreaterThan(0);
    expect(expected.PENDING).toBeGreaterThan(0);
    const d = await dashboard(SHUIMOGOU);
    const y2024 = d.ce.find((c) => c.year === 2024)!;
    expect(Object.fromEntries(y2024.buckets.map((b) => [b.bucket, b.count]))).toEqual(expected);
  });

  it("groups a province by city and a city by county, with the region's own rows apart", async () => {
    const xj = await dashboard(XJ);
    const city = (code: string) => xj.children.find((c) => c.code === code);
    expect(city(URUMQI)).toMatchObject({ name: "乌鲁木齐市", total: 8 + CE_MIXES.length });
    expect(city("650200")).toMatchObject({ name: "克拉玛依市", total: 1, collected: 1 });
    expect(xj.children.find((c) => c.code === "650400")).toMatchObject({ total: 0 });
    expect(xj.unassigned.total).toBe(0);
    expect(xj.drillDown.map((r) => r.code)).toContain(URUMQI);

    const urumqi = await dashboard(URUMQI);
    expect(urumqi.children.find((c) => c.code === TIANSHAN)).toMatchObject({
      name: "天山区",
      total: 5,
      collected: 3,
    });
    expect(urumqi.children.find((c) => c.code === SAYIBAKE)).toMatchObject({ total: 2 });
    expect(urumqi.unassigned).toEqual({ total: 1, collected: 1 });
    expect(urumqi.home).toBeNull();
  });

  it("lets a province drill into a city and a city into a county, and nobody out of scope", async () => {
    const drilled = await dashboard(XJ, URUMQI);
    expect(drilled.region.code).toBe(URUMQI);
    expect(drilled.home).toMatchObject({ code: XJ, name: "新疆维吾尔自治区" });
    expect(drilled.fixed["collection-status"][0]!.count).toBe(
      (await dashboard(URUMQI)).fixed["collection-status"][0]!.count,
    );
    expect((await dashboard(URUMQI, TIANSHAN)).region.code).toBe(TIANSHAN);
    // parent, sibling, another province, an unknown or malformed code: no dashboard at all
    for (const [staff, asked] of [
      [TIANSHAN, URUMQI],
      [TIANSHAN, XJ],
      [TIANSHAN, SAYIBAKE],
      [URUMQI, "650200"],
      [XJ, "640000"],
      [XJ, "659999"],
      [XJ, "65%"],
    ] as const) {
      expect(await statsDashboard(db, scopeOf(staff), asked, NOW)).toBeNull();
    }
  });

  it("never counts a sibling's, parent's or another province's people", async () => {
    const total = (d: StatsDashboard) =>
      d.fixed["collection-status"].reduce((a, b) => a + b.count, 0);
    expect(total(await dashboard(TIANSHAN))).toBe(5);
    expect(total(await dashboard(SAYIBAKE))).toBe(2);
    expect(total(await dashboard(KARAMAY_DUSHANZI))).toBe(1);
    expect(total(await dashboard(URUMQI))).toBe(8 + CE_MIXES.length);
    expect(total(await dashboard(XJ))).toBe(9 + CE_MIXES.length);
    expect(total(await dashboard(NINGXIA_XINGQING))).toBe(1);
    expect((await dashboard(SAYIBAKE)).transfers.some((m) => m.in + m.out > 0)).toBe(false);
  });
});
