import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { chartTables } from "@/lib/stats/charts";
import { statsDashboard } from "@/lib/stats/dashboard";
import { recomputeNow } from "@/lib/stats/recompute";
import { addPeople, scopeOf } from "./fixtures";

// 统计分析 and the first year of the platform's records (issue 13, 12): a year before it counts
// nobody 未完成 — 无记录 instead — while 已完成 and 有在途 stay what the records say. 西藏 (54) is
// this file's alone; the counts are stamped later than any other file's, so its recompute runs.

const ctx = { ip: "203.0.113.72", userAgent: "vitest-stats" };
const CHENGGUAN = "540102";
const NOW = new Date("2028-06-01T04:00:00Z");
const done = { publicTenths: 300, professionalTenths: 600, pending: 0 };

beforeAll(async () => {
  vi.stubEnv("KUAIJI_CE_RECORDS_FROM_YEAR", "2026");
  await addPeople(db, [
    { regionCode: CHENGGUAN, ce: [{ year: 2025, ...done }] },
    { regionCode: CHENGGUAN, ce: [{ year: 2025, ...done, professionalTenths: 100, pending: 1 }] },
    { regionCode: CHENGGUAN, ce: [{ year: 2026, ...done }] },
    { regionCode: CHENGGUAN },
  ]);
  const r = await recomputeNow(db, ctx, scopeOf("540000", "staff-stats-xizang"), NOW);
  if (!r.ok) throw new Error(r.message);
});

afterAll(() => vi.unstubAllEnvs());

describe("继续教育 statistics before the platform's records begin", () => {
  it("counts 无记录, not 未完成, for a year before the first year of records", async () => {
    const d = (await statsDashboard(db, scopeOf(CHENGGUAN), null, NOW))!;
    const year = (y: number) =>
      d.ce.find((c) => c.year === y)!.buckets.map((b) => [b.label, b.count]);
    expect(year(2025)).toEqual([
      ["已完成", 1],
      ["有在途", 1],
      ["无记录", 2],
    ]);
    expect(year(2026)).toEqual([
      ["已完成", 1],
      ["有在途", 0],
      ["未完成", 3],
    ]);
    // the chart says what 无记录 means, in the years that have it
    const note = (y: number) => chartTables(d, y).find((t) => t.id === "ce")!.note;
    expect(note(2025)).toContain("无记录：该年度早于本平台继续教育记录的起始年份");
    expect(note(2026)).not.toContain("无记录");
  });
});
