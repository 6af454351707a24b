import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { EXPORT_HEADERS } from "@/lib/export/cells";
import {
  EXPORT_BUSY,
  type Exporter,
  exportMaxRows,
  exportPeople,
  exportTooLarge,
  type PeopleExportInput,
} from "@/lib/export/people-export";
import type { ExportFormat } from "@/lib/export/writers";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import { parseSearchFilter, type SearchFilter } from "@/lib/search/search-filter";
import { searchPage } from "@/lib/search/search-sql";
import { csvRecords, type SeededPerson, seedPeople, xlsxRows } from "./support";

const ctx = { ip: "203.0.113.40", userAgent: "vitest-export" };

/** 天河区 (exported), 越秀区 (its sibling: never in a 天河 export). */
const COUNTY = "440106";
const SIBLING = "440104";

function filterOf(params: Record<string, string> = {}): SearchFilter {
  const r = parseSearchFilter(new URLSearchParams(params));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.filter;
}

const exporter = (roles: string[] = ["export"], regionCodes = [COUNTY]): Exporter => ({
  staffId: `staff-${randomUUID()}`,
  regionCodes,
  roles,
});

async function run(who: Exporter, format: ExportFormat, filter = filterOf(), batchRows = 500) {
  const input: PeopleExportInput = { filter, format };
  const r = await exportPeople(db, ctx, who, input, { batchRows });
  if (!r.ok) throw new Error(r.message);
  return { file: r, bytes: await new Response(r.body).arrayBuffer() };
}

/** Every row of the search as the 人员查询 page pages through it. */
async function searchRows(who: Exporter, filter: SearchFilter) {
  const rows = [];
  let cursor: string | undefined;
  do {
    const r = await searchPage(db, { ...filter, cursor }, who, 1_000);
    if (!r.ok) throw new Error(r.message);
    rows.push(...r.page.rows);
    cursor = r.page.next ?? undefined;
  } while (cursor);
  return rows;
}

/** The audit rows of one staff member's exports, oldest first. */
async function exportAudits(staffId: string) {
  return db.auditEvent.findMany({
    where: { actorId: staffId, action: "staff.export" },
    orderBy: { id: "asc" },
  });
}

/** Resolves once the export's closing audit row exists (it is written after the last byte). */
async function closed(staffId: string) {
  await expect.poll(async () => (await exportAudits(staffId)).length, { timeout: 10_000 }).toBe(2);
  return exportAudits(staffId);
}

let county: SeededPerson[];
let sibling: SeededPerson[];

beforeAll(async () => {
  const tricky = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1", "＝1", "\t=1"];
  county = await seedPeople(db, COUNTY, 2_600, (i) => ({ name: tricky[i] }));
  sibling = await seedPeople(db, SIBLING, 400);
}, 120_000);

describe("导出 of 人员查询", () => {
  it("writes exactly the search's rows, in its order, to xlsx: masked numbers, neutralised cells", async () => {
    const who = exporter();
    const filter = filterOf();
    const { file, bytes } = await run(who, "xlsx", filter);
    expect(file.filename).toMatch(/^人员信息_\d{8}\.xlsx$/);
    const { header, rows } = await xlsxRows(bytes);
    expect(header).toEqual(EXPORT_HEADERS);

    const expected = await searchRows(who, filter);
    expect(expected.length).toBeGreaterThanOrEqual(2_600);
    expect(rows.map((r) => r[2])).toEqual(expected.map((r) => r.idNumberMasked));
    expect(rows.map((r) => r[0])).toEqual(
      expected.map((r) => (/^[=+\-@\t＝]/.test(r.name) ? `'${r.name}` : r.name)),
    );
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("http://x","y")',
        "'@SUM(1)",
        "'+1",
        "'-1",
        "'＝1",
        "'\t=1",
      ]),
    );
    expect(rows.every((r) => String(r[2]).includes("*"))).toBe(true);
    // The sibling county never appears, and every row is the county's.
    const siblingNames = new Set(sibling.map((p) => p.name));
    expect(rows.some((r) => siblingNames.has(String(r[0])))).toBe(false);
    expect(rows.every((r) => r[5] === "广东省 广州市 天河区")).toBe(true);
  });

  it("labels a row's codes as the code tables do", async () => {
    const who = exporter();
    // Person 71 of seedPeople: 男, collected, 会计类中级 and 高端人才.
    const { bytes } = await run(who, "xlsx", filterOf({ q: "测试440106-71" }));
    const { rows } = await xlsxRows(bytes);
    const row = rows.find((r) => r[0] === "测试440106-71")!;
    const person = county[71]!;
    expect(row).toEqual([
      "测试440106-71",
      "居民身份证",
      `${person.idNumber.slice(0, 4)}${"*".repeat(12)}${person.idNumber.slice(-2)}`,
      "男",
      1981,
      "广东省 广州市 天河区",
      "会计工作岗位",
      "大学本科教育",
      "会计类中级",
      "是",
      "已采集",
      "44202600000071",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      "未调出",
    ]);
  });

  it("writes whole numbers only for export-full, decrypted, in xlsx and CSV", async () => {
    const numbers = new Map(county.map((p) => [p.name, p.idNumber]));
    const full = exporter(["export", "export-full"]);
    const xlsx = await xlsxRows((await run(full, "xlsx")).bytes);
    expect(xlsx.rows.length).toBeGreaterThanOrEqual(2_600);
    for (const r of xlsx.rows.filter((r) => numbers.has(String(r[0]))))
      expect(r[2]).toBe(numbers.get(String(r[0])));

    const csv = csvRecords((await run(full, "csv")).bytes);
    expect(csv[0]).toEqual(EXPORT_HEADERS);
    const byName = new Map(csv.slice(1).map((r) => [r[0], r[2]]));
    // Excel keeps an 18-digit number as text behind a tab (cells.ts csvField).
    expect(byName.get("测试440106-7")).toBe(`\t${numbers.get("测试440106-7")}`);
    expect(byName.get('\'=HYPERLINK("http://x","y")')).toBe(
      `\t${numbers.get('=HYPERLINK("http://x","y")')}`,
    );
  });

  it("writes the same rows to CSV as to xlsx, with a BOM and masked numbers", async () => {
    const who = exporter();
    const filter = filterOf({ collectionStatus: "collected" });
    const csv = csvRecords((await run(who, "csv", filter)).bytes);
    const xlsx = await xlsxRows((await run(who, "xlsx", filter)).bytes);
    expect(csv.length - 1).toBe(xlsx.rows.length);
    expect(csv.slice(1).map((r) => [r[0], r[2], r[10]])).toEqual(
      xlsx.rows.map((r) => [r[0], r[2], "已采集"]),
    );
  });

  it("audits the start (filter, format, masked/full) and the end with the row count", async () => {
    const who = exporter(["export", "export-full"]);
    const { file } = await run(who, "csv", filterOf({ q: "ceshi", collectionStatus: "collected" }));
    expect(file.ok).toBe(true);
    const [started, done] = await closed(who.staffId);
    expect(started).toMatchObject({ outcome: "success", targetType: "export", regionCode: COUNTY });
    expect(started!.details).toEqual({
      phase: "started",
      format: "csv",
      numbers: "full",
      filter: { q: "c****", collectionStatus: "collected" },
    });
    expect(done).toMatchObject({ outcome: "success", targetId: started!.targetId });
    expect(done!.details).toEqual({ phase: "completed", format: "csv", numbers: "full", rows: 0 });
    const fullRows = (await run(who, "csv")).bytes;
    expect(new TextDecoder().decode(fullRows)).toContain(county[7]!.idNumber);
    const details = JSON.stringify((await exportAudits(who.staffId)).map((a) => a.details));
    expect(details).not.toMatch(/\d{18}/);

    const masked = exporter();
    const { bytes } = await run(masked, "xlsx");
    const { rows } = await xlsxRows(bytes);
    const audits = await closed(masked.staffId);
    expect(audits[1]!.details).toMatchObject({
      phase: "completed",
      numbers: "masked",
      rows: rows.length,
    });
  });

  it("records an aborted download as a failure with the rows sent so far", async () => {
    const who = exporter();
    const r = await exportPeople(
      db,
      ctx,
      who,
      { filter: filterOf(), format: "csv" },
      { batchRows: 100 },
    );
    if (!r.ok) throw new Error(r.message);
    const reader = r.body.getReader();
    await reader.read();
    await reader.cancel();
    const [, end] = await closed(who.staffId);
    expect(end).toMatchObject({ outcome: "failure" });
    expect(end!.details).toMatchObject({ phase: "aborted" });
    expect((end!.details as { rows: number }).rows).toBeGreaterThan(0);
  });

  it("refuses a search above the row limit before writing anything", async () => {
    const who = exporter();
    const count = (await searchRows(who, filterOf())).length;
    const input = { filter: filterOf(), format: "xlsx" as const };
    const r = await exportPeople(db, ctx, who, input, { maxRows: count - 1 });
    expect(r).toEqual({ ok: false, reason: "too-large", message: exportTooLarge(count - 1) });
    expect(await exportAudits(who.staffId)).toEqual([]);
    // Exactly at the limit is allowed.
    const ok = await exportPeople(db, ctx, who, input, { maxRows: count });
    expect(ok.ok).toBe(true);
    if (ok.ok) await ok.body.cancel();
  });

  it("refuses staff without export or export-full, before reading or auditing anything", async () => {
    const who = exporter(["archive-read", "import"]);
    const r = await exportPeople(db, ctx, who, { filter: filterOf(), format: "csv" });
    expect(r).toEqual({ ok: false, reason: "role", message: ROLE_DENIED });
    expect(await exportAudits(who.staffId)).toEqual([]);
    const fullOnly = exporter(["export-full"]);
    const ok = await exportPeople(db, ctx, fullOnly, { filter: filterOf(), format: "csv" });
    expect(ok.ok).toBe(true);
    if (ok.ok) await ok.body.cancel();
  });

  it("reads KUAIJI_EXPORT_MAX_ROWS, a million by default, and refuses nonsense", () => {
    expect(exportMaxRows({})).toBe(1_000_000);
    expect(exportMaxRows({ KUAIJI_EXPORT_MAX_ROWS: "5000" })).toBe(5_000);
    expect(() => exportMaxRows({ KUAIJI_EXPORT_MAX_ROWS: "0" })).toThrow(/KUAIJI_EXPORT_MAX_ROWS/);
    expect(() => exportMaxRows({ KUAIJI_EXPORT_MAX_ROWS: "1e3x" })).toThrow(
      /KUAIJI_EXPORT_MAX_ROWS/,
    );
  });

  it("runs one export at a time per staff member: of 12 parallel requests exactly one starts", async () => {
    const who = exporter();
    const input = { filter: filterOf(), format: "xlsx" as const };
    const results = await Promise.all(
      Array.from({ length: 12 }, () => exportPeople(db, ctx, who, input)),
    );
    const started = results.filter((r) => r.ok);
    expect(started).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array(11).fill({ ok: false, reason: "busy", message: EXPORT_BUSY }),
    );
    // Someone else exports meanwhile.
    const other = await exportPeople(db, ctx, exporter(), input);
    expect(other.ok).toBe(true);
    if (other.ok) await new Response(other.body).arrayBuffer();
    // Once the first has been downloaded, the same staff member may export again at once.
    if (started[0]?.ok) await new Response(started[0].body).arrayBuffer();
    const again = await exportPeople(db, ctx, who, input);
    expect(again.ok).toBe(true);
    if (again.ok) await new Response(again.body).arrayBuffer();
  });

  it("does not wait forever for an export whose process died: a stale start no longer counts", async () => {
    const who = exporter();
    const input = { filter: filterOf({ q: "nobody-matches" }), format: "csv" as const };
    const startedRow = (staffId: string, at: Date) =>
      db.auditEvent.create({
        data: {
          at,
          actorType: "staff",
          actorId: staffId,
          action: "staff.export",
          outcome: "success",
          targetType: "export",
          targetId: randomUUID(),
          details: { phase: "started" },
        },
      });
    await startedRow(who.staffId, new Date(Date.now() - 10 * 60_000));
    expect(await exportPeople(db, ctx, who, input)).toMatchObject({ reason: "busy" });
    const stale = exporter();
    await startedRow(stale.staffId, new Date(Date.now() - 31 * 60_000));
    const r = await exportPeople(db, ctx, stale, input);
    expect(r.ok).toBe(true);
    if (r.ok) await new Response(r.body).arrayBuffer();
  });

  it("lets a city's staff export both counties, and a staff member of another city nobody", async () => {
    const city = exporter(["export"], ["440100"]);
    const { rows } = await xlsxRows((await run(city, "xlsx")).bytes);
    const names = new Set(rows.map((r) => String(r[0])));
    expect(names.has("测试440104-0")).toBe(true);
    expect(names.has("测试440106-9")).toBe(true);

    const shenzhen = exporter(["export"], ["440300"]);
    const sz = await xlsxRows((await run(shenzhen, "xlsx")).bytes);
    expect(sz.rows.some((r) => String(r[0]).startsWith("测试4401"))).toBe(false);
  });
});
