import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import { ROLE_DENIED, type StaffActor } from "@/lib/codes/staff-roles";
import { nameKeys } from "@/lib/search/name-keys";
import { parseSearchFilter, type SearchFilter } from "@/lib/search/search-filter";
import { completedYearsUpdateSql } from "@/lib/search/ce-year-total";
import { BAD_CURSOR, searchCount, searchPage } from "@/lib/search/search-sql";
import { searchPeople } from "@/lib/search/search-service";
import { uuidv7 } from "@/lib/utils/uuid";
import { ctx } from "../../support/collection";

// 人员查询 against PersonSearch rows written directly (the projection is another module's job),
// in 甘肃 (62…), where no other test puts anyone: every scope's result is exactly these rows.
// Each filter is checked against an independent reading of the seeded rows, never against the SQL.

const COUNTY = "620102"; // 城关区
const SIBLING = "620103"; // 七里河区
const CITY_ONLY = "620100"; // someone known only as 兰州市
const OTHER_CITY = "620200"; // 嘉峪关市

const scope = (staffId: string, ...regionCodes: string[]): StaffActor => ({
  staffId,
  regionCodes,
  roles: ["archive-read"],
});
const OWN = scope("search-own", COUNTY);
const SIBLING_STAFF = scope("search-sibling", SIBLING);
const CITY = scope("search-city", "620100");
const PROVINCE = scope("search-province", "620000");

const NAMES = [
  "张三",
  "章三",
  "张珊",
  "李四",
  "王五",
  "欧阳娜",
  "赵六",
  "张伟",
  "张伟",
  "陈晨",
  "曾华",
];
const REGIONS = [COUNTY, COUNTY, SIBLING, COUNTY, CITY_ONLY, SIBLING, OTHER_CITY, COUNTY];
const QUALS = [
  [],
  ["ACCOUNTING:JUNIOR"],
  ["ACCOUNTING:JUNIOR", "ACCOUNTING:INTERMEDIATE"],
  ["ECONOMICS:SENIOR"],
];
const EMPLOYMENT = ["ACCOUNTING_POST", "NON_ACCOUNTING_POST", "UNEMPLOYED", "STUDENT"];
const TRANSFER = [null, null, null, "OUT_PENDING", null, "OUT_DONE", null, "OUT_APPROVED"];

interface Seeded {
  personId: string;
  regionCode: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  collectionStatus: string;
  employmentStatus: string | null;
  qualifications: string[];
  highEndTalent: boolean;
  transferState: string | null;
  registeredAt: Date;
  collectedAt: Date | null;
  ce: "complete" | "short" | "none" | "pending" | "exact";
  /** First year of the 继续教育 obligation; null none (every year 无须参加). */
  obligationStart: number | null;
}

const CE = ["complete", "short", "none", "pending", "exact"] as const;
const CE_TENTHS = {
  complete: { publicTenths: 400, professionalTenths: 700, pending: 0 },
  exact: { publicTenths: 300, professionalTenths: 600, pending: 0 },
  short: { publicTenths: 290, professionalTenths: 900, pending: 0 },
  pending: { publicTenths: 0, professionalTenths: 100, pending: 2 },
} as const;

/** Coprime with CE's five, so every CE state meets every obligation. */
const OBLIGATION = [2020, null, 2026, 2025, 2024, 2019];
const obliged = (p: Seeded, year: number) =>
  p.obligationStart !== null && p.obligationStart <= year;

const people: Seeded[] = [];

/** ceCompletedYears of the seeded people under `thresholds`, by the services' own statement. */
async function completeUnder(thresholds: typeof GUANGDONG_CE_THRESHOLDS) {
  await db.$executeRaw(
    completedYearsUpdateSql(
      Prisma.sql`SELECT unnest(${people.map((p) => p.personId)}::uuid[])`,
      thresholds,
    ),
  );
}

beforeAll(async () => {
  // Ties on purpose: the same names (so the same pinyin), and registrations three to a second.
  for (let i = 0; i < 60; i++) {
    const name = NAMES[i % NAMES.length]!;
    const keys = nameKeys(name);
    const collected = i % 5 !== 0;
    people.push({
      personId: uuidv7(),
      regionCode: REGIONS[i % REGIONS.length]!,
      name,
      namePinyin: keys.pinyin,
      nameInitials: keys.initials,
      collectionStatus: collected ? "collected" : i % 10 === 0 ? "none" : "draft",
      employmentStatus: collected ? EMPLOYMENT[i % EMPLOYMENT.length]! : null,
      qualifications: collected ? QUALS[i % QUALS.length]! : [],
      highEndTalent: i % 7 === 0,
      transferState: TRANSFER[i % TRANSFER.length]!,
      registeredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(i / 3))),
      collectedAt: collected ? new Date(Date.UTC(2025, 5, 1 + (i % 4))) : null,
      ce: CE[i % CE.length]!,
      obligationStart: OBLIGATION[i % OBLIGATION.length]!,
    });
  }
  await db.personSearch.createMany({
    data: people.map((p) => ({
      personId: p.personId,
      regionCode: p.regionCode,
      name: p.name,
      namePinyin: p.namePinyin,
      nameInitials: p.nameInitials,
      idNumberIndex: `search-test-${p.personId}`,
      idNumberMasked: "620102********1234",
      idType: "RESIDENT_ID",
      collectionStatus: p.collectionStatus,
      employmentStatus: p.employmentStatus,
      qualifications: p.qualifications,
      qualificationLevel: null,
      highEndTalent: p.highEndTalent,
      transferState: p.transferState,
      registeredAt: p.registeredAt,
      collectedAt: p.collectedAt,
      ceObligationStart: p.obligationStart,
      updatedAt: new Date(),
    })),
  });
  await db.ceYearTotal.createMany({
    data: people
      .filter((p) => p.ce !== "none")
      .map((p) => ({
        personId: p.personId,
        year: 2025,
        ...CE_TENTHS[p.ce as Exclude<Seeded["ce"], "none">],
        updatedAt: new Date(),
      })),
  });
  await completeUnder(GUANGDONG_CE_THRESHOLDS);
});

function filterOf(query: string): SearchFilter {
  const r = parseSearchFilter(new URLSearchParams(query));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.filter;
}

/** Every row of a search, page by page (7 a page: pages end inside groups of ties). */
async function everyRow(query: string, who: StaffActor) {
  let filter = filterOf(query);
  const ids: string[] = [];
  for (let pages = 0; pages < 20; pages++) {
    const r = await searchPage(db, filter, who, 7);
    if (!r.ok) throw new Error(r.message);
    ids.push(...r.page.rows.map((row) => row.personId));
    if (!r.page.next) return ids;
    filter = { ...filter, cursor: r.page.next };
  }
  throw new Error("too many pages");
}

const within = (codes: string[]) => people.filter((p) => codes.includes(p.regionCode));
const idsOf = (rows: Seeded[]) => rows.map((p) => p.personId).sort();
const inCity = () => within([COUNTY, SIBLING, CITY_ONLY]);

describe("人员查询 scope", () => {
  it("shows a county its own people, a city its counties and itself, a province everyone", async () => {
    expect((await everyRow("", OWN)).sort()).toEqual(idsOf(within([COUNTY])));
    expect((await everyRow("", SIBLING_STAFF)).sort()).toEqual(idsOf(within([SIBLING])));
    expect((await everyRow("", CITY)).sort()).toEqual(idsOf(inCity()));
    expect((await everyRow("", PROVINCE)).sort()).toEqual(idsOf(people));
    // Nothing of 62 leaks to another province's staff, nor to a scope of malformed codes.
    // (Other files of the run may leave people of 63 behind: only this file's 62 are asked about.)
    const ours = new Set(idsOf(people));
    const qinghai = await everyRow("", scope("search-qh", "630000"));
    expect(qinghai.filter((id) => ours.has(id))).toEqual([]);
    expect(await everyRow("", scope("search-bad", "", "62x"))).toEqual([]);
  });

  it("narrows to a region within the scope and never widens beyond it", async () => {
    expect((await everyRow(`region=${SIBLING}`, CITY)).sort()).toEqual(idsOf(within([SIBLING])));
    // A county asking for its parent city or a sibling: still only its own, or nobody.
    expect((await everyRow("region=620100", OWN)).sort()).toEqual(idsOf(within([COUNTY])));
    expect(await everyRow(`region=${SIBLING}`, OWN)).toEqual([]);
    expect((await everyRow("region=620200", PROVINCE)).sort()).toEqual(idsOf(within([OTHER_CITY])));
  });
});

describe("人员查询 filters", () => {
  const cases: [string, (p: Seeded) => boolean][] = [
    ["q=张", (p) => p.name.startsWith("张")],
    ["q=张伟", (p) => p.name === "张伟"],
    // Letters: full pinyin or initials. 章三 reads zhangsan too.
    ["q=zhangsan", (p) => p.namePinyin === "zhangsan"],
    ["q=ZS", (p) => p.nameInitials.startsWith("zs")],
    // 曾华 zenghua is "zh" by initials only, 张三 by pinyin only: both walks, merged in order.
    ["q=zh", (p) => p.namePinyin.startsWith("zh") || p.nameInitials.startsWith("zh")],
    ["q=zhs", (p) => p.namePinyin.startsWith("zhs") || p.nameInitials.startsWith("zhs")],
    ["q=z", (p) => p.namePinyin.startsWith("z")],
    ["q=ouyang", (p) => p.name === "欧阳娜"],
    ["q=oyn", (p) => p.name === "欧阳娜"],
    ["q=%25", () => false],
    ["q=_", () => false],
    ["employmentStatus=STUDENT", (p) => p.employmentStatus === "STUDENT"],
    [
      "qualificationType=ACCOUNTING",
      (p) => p.qualifications.some((q) => q.startsWith("ACCOUNTING:")),
    ],
    ["qualificationLevel=SENIOR", (p) => p.qualifications.some((q) => q.endsWith(":SENIOR"))],
    [
      "qualificationType=ACCOUNTING&qualificationLevel=INTERMEDIATE",
      (p) => p.qualifications.includes("ACCOUNTING:INTERMEDIATE"),
    ],
    ["qualificationType=ACCOUNTING&qualificationLevel=SENIOR", () => false],
    ["highEndTalent=yes", (p) => p.highEndTalent],
    ["highEndTalent=no", (p) => !p.highEndTalent],
    ["collectionStatus=draft", (p) => p.collectionStatus === "draft"],
    ["collectionStatus=none", (p) => p.collectionStatus === "none"],
    ["transferState=none", (p) => p.transferState === null],
    ["transferState=OUT_DONE", (p) => p.transferState === "OUT_DONE"],
    // 公需30 + 专业60: exactly the minimum completes; 29 公需 does not, however many 专业. A year
    // before the obligation start, or without any, is 无须参加: neither 已完成 nor 未完成.
    [
      "ceYear=2025&ceStatus=complete",
      (p) => obliged(p, 2025) && (p.ce === "complete" || p.ce === "exact"),
    ],
    [
      "ceYear=2025&ceStatus=incomplete",
      (p) => obliged(p, 2025) && !(p.ce === "complete" || p.ce === "exact"),
    ],
    ["ceYear=2025&ceStatus=pending", (p) => p.ce === "pending"],
    ["ceYear=2024&ceStatus=complete", () => false],
    ["ceYear=2024&ceStatus=incomplete", (p) => obliged(p, 2024)],
    // Only the status filters: a year alone is no filter.
    ["ceYear=2025", () => true],
    [
      "q=zhang&employmentStatus=ACCOUNTING_POST&transferState=none",
      (p) =>
        (p.namePinyin.startsWith("zhang") || p.nameInitials.startsWith("zhang")) &&
        p.employmentStatus === "ACCOUNTING_POST" &&
        p.transferState === null,
    ],
  ];

  it.each(cases)("%s finds exactly the matching people of the city", async (query, match) => {
    const expected = idsOf(inCity().filter(match));
    expect((await everyRow(query, CITY)).sort()).toEqual(expected);
  });

  it("finds nobody 未完成 in a year before the platform's records begin (无记录)", async () => {
    // By default the records begin in 2020: 2019 is owed by some, and none of them is 未完成.
    expect(inCity().some((p) => obliged(p, 2019))).toBe(true);
    expect(await everyRow("ceYear=2019&ceStatus=incomplete", CITY)).toEqual([]);
    vi.stubEnv("KUAIJI_CE_RECORDS_FROM_YEAR", "2026");
    try {
      expect(await everyRow("ceYear=2025&ceStatus=incomplete", CITY)).toEqual([]);
      // what the platform holds still completes a year, and pending records still show
      const complete = (p: Seeded) => obliged(p, 2025) && (p.ce === "complete" || p.ce === "exact");
      expect((await everyRow("ceYear=2025&ceStatus=complete", CITY)).sort()).toEqual(
        idsOf(inCity().filter(complete)),
      );
      expect((await everyRow("ceYear=2025&ceStatus=pending", CITY)).sort()).toEqual(
        idsOf(inCity().filter((p) => p.ce === "pending")),
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("applies a share rule in whole tenths (national: 专业 ≥ 2/3 of what was earned)", async () => {
    // complete 40+70: 70 ≥ 2/3 × 110 (73.3)? no. exact 30+60: 60 ≥ 2/3 × 90 = 60, yes.
    // short 29+90: 90 ≥ 79.3, yes (no 公需 minimum nationally).
    await completeUnder(NATIONAL_CE_THRESHOLDS);
    try {
      const ids = await everyRow("ceYear=2025&ceStatus=complete", CITY);
      expect(ids.sort()).toEqual(
        idsOf(inCity().filter((p) => obliged(p, 2025) && (p.ce === "exact" || p.ce === "short"))),
      );
    } finally {
      await completeUnder(GUANGDONG_CE_THRESHOLDS);
    }
  });
});

/** The seeded order of a sort: key, then person id, as the database compares them. */
function sortedBy(rows: Seeded[], key: (p: Seeded) => string, desc: boolean) {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const out = [...rows].sort((a, b) => cmp(key(a), key(b)) || cmp(a.personId, b.personId));
  return (desc ? out.reverse() : out).map((p) => p.personId);
}

describe("人员查询 sort and keyset pages", () => {
  const iso = (d: Date | null) => (d ? d.toISOString() : "");
  const sorts: [string, (p: Seeded) => string][] = [
    ["name", (p) => p.namePinyin],
    ["registeredAt", (p) => iso(p.registeredAt)],
    // Not collected counts as the earliest.
    ["collectedAt", (p) => iso(p.collectedAt)],
  ];

  for (const [sort, key] of sorts) {
    for (const order of ["asc", "desc"] as const) {
      it(`${sort} ${order}: every row once, in order, forwards and back`, async () => {
        const expected = sortedBy(inCity(), key, order === "desc");
        const query = `sort=${sort}&order=${order}`;
        expect(await everyRow(query, CITY)).toEqual(expected);

        // Back from the last page with 上一页 gives the same pages in reverse.
        let filter = filterOf(query);
        const forward: string[][] = [];
        let last: Awaited<ReturnType<typeof searchPage>> | null = null;
        for (;;) {
          last = await searchPage(db, filter, CITY, 7);
          if (!last.ok) throw new Error(last.message);
          forward.push(last.page.rows.map((r) => r.personId));
          if (!last.page.next) break;
          filter = { ...filter, cursor: last.page.next };
        }
        expect(forward.at(0)).toHaveLength(7);
        const backward: string[][] = [forward.at(-1)!];
        let prev = last.ok ? last.page.prev : null;
        while (prev) {
          const r = await searchPage(db, { ...filterOf(query), cursor: prev }, CITY, 7);
          if (!r.ok) throw new Error(r.message);
          backward.unshift(r.page.rows.map((row) => row.personId));
          prev = r.page.prev;
        }
        expect(backward).toEqual(forward);
      });
    }
  }

  it("pages a few matching rows (gathered first) exactly like many", async () => {
    const query = "q=zhang&sort=registeredAt&order=desc";
    const expected = sortedBy(
      inCity().filter((p) => p.namePinyin.startsWith("zhang")),
      (p) => iso(p.registeredAt),
      true,
    );
    let filter = filterOf(query);
    const ids: string[] = [];
    for (;;) {
      const r = await searchPage(db, filter, CITY, 4, true);
      if (!r.ok) throw new Error(r.message);
      ids.push(...r.page.rows.map((row) => row.personId));
      if (!r.page.next) break;
      filter = { ...filter, cursor: r.page.next };
    }
    expect(ids).toEqual(expected);
  });

  it("refuses a forged cursor or one of another sort", async () => {
    const first = await searchPage(db, filterOf("sort=name"), CITY, 7);
    if (!first.ok || !first.page.next) throw new Error("no second page");
    const other = { ...filterOf("sort=registeredAt"), cursor: first.page.next };
    expect(await searchPage(db, other, CITY, 7)).toEqual({
      ok: false,
      message: BAD_CURSOR,
    });
    const forged = { ...filterOf(""), cursor: "eyJ4IjoxfQ" };
    expect(await searchPage(db, forged, CITY, 7)).toEqual({
      ok: false,
      message: BAD_CURSOR,
    });
  });
});

describe("人员查询 count and audit", () => {
  it("counts exactly up to the bound, and says 'more' beyond it", async () => {
    const n = inCity().length;
    expect(await searchCount(db, filterOf(""), CITY, 100)).toEqual({
      count: n,
      more: false,
    });
    expect(await searchCount(db, filterOf(""), CITY, n)).toEqual({
      count: n,
      more: false,
    });
    expect(await searchCount(db, filterOf(""), CITY, 10)).toEqual({
      count: 10,
      more: true,
    });
  });

  it("counts letters once per person though both walks find them, exactly up to the bound", async () => {
    // 张华 is zh by pinyin and by initials; 曾华 by initials, 张三 by pinyin.
    const both = { ...people[0]!, personId: uuidv7(), name: "张华", ...nameKeys("张华") };
    await db.personSearch.create({
      data: {
        personId: both.personId,
        regionCode: COUNTY,
        name: both.name,
        namePinyin: both.pinyin,
        nameInitials: both.initials,
        idNumberIndex: `search-test-${both.personId}`,
        idNumberMasked: "620102********1234",
        idType: "RESIDENT_ID",
        collectionStatus: "none",
        registeredAt: new Date(),
        updatedAt: new Date(),
      },
    });
    try {
      const zh = (p: { namePinyin: string; nameInitials: string }) =>
        p.namePinyin.startsWith("zh") || p.nameInitials.startsWith("zh");
      const n = inCity().filter(zh).length + 1;
      expect(await searchCount(db, filterOf("q=zh"), CITY, 100)).toEqual({ count: n, more: false });
      expect(await searchCount(db, filterOf("q=zh"), CITY, n)).toEqual({ count: n, more: false });
      expect(await searchCount(db, filterOf("q=zh"), CITY, n - 1)).toEqual({
        count: n - 1,
        more: true,
      });
      expect(await everyRow("q=zh", CITY)).toContain(both.personId);
    } finally {
      await db.personSearch.delete({ where: { personId: both.personId } });
    }
  });

  it("records every search with its filter, the name masked, and no cursor", async () => {
    const filter = filterOf("q=张伟&employmentStatus=ACCOUNTING_POST");
    const r = await searchPeople(db, ctx, OWN, filter, { size: 5, bound: 50 });
    if (!r.ok) throw new Error(r.message);
    const expected = within([COUNTY]).filter(
      (p) => p.name === "张伟" && p.employmentStatus === "ACCOUNTING_POST",
    );
    expect(r.result.total).toEqual({ count: expected.length, more: false });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.person-search", actorId: OWN.staffId },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorType: "staff", outcome: "success" });
    expect(audit.details).toEqual({
      filter: { q: "张*", employmentStatus: "ACCOUNTING_POST" },
      rows: r.result.page.rows.length,
      paged: false,
    });
    expect(JSON.stringify(audit.details)).not.toContain("张伟");

    const bad = await searchPeople(db, ctx, OWN, { ...filter, cursor: "AAAA" });
    expect(bad).toEqual({ ok: false, message: BAD_CURSOR });
  });

  it("files a search under a region within scope only: a sibling's region finds nobody and stays out of its log", async () => {
    const lastRow = () =>
      db.auditEvent.findFirstOrThrow({
        where: { action: "staff.person-search", actorId: CITY.staffId },
        orderBy: { id: "desc" },
      });
    const inside = await searchPeople(db, ctx, CITY, filterOf(`region=${COUNTY}`));
    expect(inside.ok && inside.result.total.count).toBe(within([COUNTY]).length);
    expect((await lastRow()).regionCode).toBe(COUNTY);

    const outside = await searchPeople(db, ctx, OWN, filterOf(`region=${SIBLING}`));
    if (!outside.ok) throw new Error(outside.message);
    expect(outside.result.total).toEqual({ count: 0, more: false });
    expect(outside.result.page.rows).toEqual([]);
    const row = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.person-search", actorId: OWN.staffId },
      orderBy: { id: "desc" },
    });
    expect(row.regionCode).toBe(COUNTY);
    expect(await searchPeople(db, ctx, OWN, filterOf(`region=${OTHER_CITY}`))).toMatchObject({
      ok: true,
      result: { total: { count: 0 } },
    });
  });

  it("refuses a staff member without archive-read, reading and recording nothing", async () => {
    const before = await db.auditEvent.count({ where: { actorId: "search-none" } });
    const none = { staffId: "search-none", regionCodes: [COUNTY], roles: ["export"] };
    expect(await searchPeople(db, ctx, none, filterOf(""))).toEqual({
      ok: false,
      reason: "role",
      message: ROLE_DENIED,
    });
    expect(await db.auditEvent.count({ where: { actorId: "search-none" } })).toBe(before);
  });
});
