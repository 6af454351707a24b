import { inject, describe, expect, it } from "vitest";
import { idNumberIndex } from "@/lib/account/identifier";
import { parseArchiveNumber } from "@/lib/collection/archive-number";
import { parseSnapshot } from "@/lib/collection/archive-service";
import { decryptField } from "@/lib/crypto/field-cipher";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { gb11643Gender, hasValidGb11643Check } from "@/lib/identity/gb11643";
import { maskIdNumber } from "@/lib/identity/mask";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { isJurisdictionLeaf } from "@/lib/region/divisions";
import { refreshCeYearTotals } from "@/lib/search/ce-year-total";
import { loadProjectionSources } from "@/lib/search/projection";
import { personSearchRow } from "@/lib/search/projection-row";
import { SEED_PASSWORD, seedScale } from "@/lib/seed/scale/seed";

// The bulk seed on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL): 500 people,
// then every row checked against what the services would have written for them — the search
// projection recomputed by the projection itself, CE year totals by lib/search/ce-year-total.ts.

const url = inject("databaseOwnerUrl"); // TRUNCATE and ANALYZE: the owner
const seeded = Prisma.sql`p.phone LIKE '19%'`;
const NOW = new Date("2026-12-04T02:00:00Z");

describe("seed:scale", () => {
  it("seeds 500 valid people with their archives, CE, transfers and projections", async () => {
    const r = await seedScale(url, { people: 500, seed: 5, batchSize: 200, now: NOW });
    if ("ok" in r) throw new Error(r.message);
    expect(r).toMatchObject({ people: 500, firstIndex: 0 });
    expect(r.archives).toBeGreaterThan(400);
    expect(r.credits).toBeGreaterThan(400);

    const people = await db.person.findMany({ where: { phone: { startsWith: "19" } } });
    expect(people).toHaveLength(500);
    const hash = people[0]!.passwordHash;
    expect(await verifyPassword(hash, SEED_PASSWORD)).toBe(true);
    for (const p of people) {
      const number = decryptField(p.idNumberCipher);
      expect(hasValidGb11643Check(number)).toBe(true);
      expect(p.idNumberIndex).toBe(idNumberIndex(number));
      expect(p.idNumberMasked).toBe(maskIdNumber(number));
      expect(p.gender).toBe(gb11643Gender(number));
      expect(p.birthYear).toBe(Number(number.slice(6, 10)));
      expect(p.passwordHash).toBe(hash);
    }

    const archives = await db.archive.findMany({
      where: { person: { phone: { startsWith: "19" } } },
      include: { versions: true, person: true },
    });
    expect(archives).toHaveLength(r.archives);
    for (const a of archives) {
      expect(a.versions).toHaveLength(1);
      const snapshot = parseSnapshot(a.versions[0]!.snapshot);
      expect(snapshot.person).toMatchObject({
        name: a.person.name,
        idNumberMasked: a.person.idNumberMasked,
        birthYear: a.person.birthYear,
      });
      expect(snapshot.work.regionCode).toBe(a.regionCode);
      expect(a.person.regionCode).toBe(a.regionCode);
      expect(isJurisdictionLeaf(a.regionCode)).toBe(true);
      const number = parseArchiveNumber(a.archiveNumber)!;
      expect(number.province).toBe("44");
      const beijingYear = new Date(a.collectedAt.getTime() + 8 * 3_600_000).getUTCFullYear();
      expect(number.year).toBe(beijingYear);
    }

    expect(await db.ceCredit.count({ where: { person: { phone: { startsWith: "19" } } } })).toBe(
      r.credits,
    );
    expect(await db.transferOut.count({ where: { person: { phone: { startsWith: "19" } } } })).toBe(
      r.transfers,
    );
    const out = await db.transferOut.findMany({
      where: { state: "transferred", person: { phone: { startsWith: "19" } } },
      include: { person: true },
    });
    for (const t of out) expect(t.person.transferState).toBe("OUT_DONE");
  }, 180_000);

  it("writes each PersonSearch row exactly as the projection computes it", async () => {
    const sources = await db.$transaction((tx) =>
      loadProjectionSources(tx, seeded, { lock: false }),
    );
    expect(sources).toHaveLength(500);
    const rows = await db.personSearch.findMany({
      where: { personId: { in: sources.map((s) => s.person.id) } },
    });
    expect(rows).toHaveLength(500);
    const byId = new Map(rows.map((r) => [r.personId, r]));
    // The completed years: CeYearTotal's years meeting the thresholds (no share rule here).
    const t = getCeThresholds();
    expect(t.minProfessionalShare).toBeNull();
    const totals = await db.ceYearTotal.findMany({ where: { personId: { in: [...byId.keys()] } } });
    const completed = (personId: string) =>
      totals
        .filter(
          (c) =>
            c.personId === personId &&
            c.publicTenths >= t.minPublic * 10 &&
            c.professionalTenths >= t.minProfessional * 10 &&
            c.publicTenths + c.professionalTenths >= t.minTotal * 10,
        )
        .map((c) => c.year)
        .sort();
    for (const source of sources) {
      // updatedAt is when the row was written: the seed's run, the projection's `now` here.
      const stored = byId.get(source.person.id)!;
      expect(stored).toEqual({
        ...personSearchRow(source, NOW),
        ceCompletedYears: completed(source.person.id),
        updatedAt: stored.updatedAt,
      });
    }
    expect(rows.some((r) => r.ceCompletedYears.length > 0)).toBe(true);
    expect(rows.some((r) => r.ceObligationStart !== null)).toBe(true);
    // Not vacuous: the sample has every kind of row the filters tell apart.
    expect(new Set(rows.map((r) => r.collectionStatus))).toEqual(new Set(["none", "collected"]));
    expect(rows.some((r) => r.qualificationLevel === "INTERMEDIATE")).toBe(true);
    expect(rows.some((r) => r.transferState === "OUT_DONE") || rows.length < 1000).toBe(true);
  }, 60_000);

  it("writes CE year totals exactly as the CE services' recomputation does", async () => {
    const stored = await db.ceYearTotal.findMany({
      where: {
        personId: {
          in: (
            await db.person.findMany({
              where: { phone: { startsWith: "19" } },
              select: { id: true },
            })
          ).map((p) => p.id),
        },
      },
      orderBy: [{ personId: "asc" }, { year: "asc" }],
    });
    expect(stored.length).toBeGreaterThan(300);
    const strip = (rows: typeof stored) => rows.map((r) => ({ ...r, updatedAt: null }));
    const rollback = new Error("rollback");
    let recomputed: typeof stored = [];
    await db
      .$transaction(async (tx) => {
        await refreshCeYearTotals(
          tx,
          stored.map((t) => ({ personId: t.personId, year: t.year })),
          NOW,
        );
        recomputed = await tx.ceYearTotal.findMany({
          where: { personId: { in: stored.map((t) => t.personId) } },
          orderBy: [{ personId: "asc" }, { year: "asc" }],
        });
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    expect(strip(recomputed)).toEqual(strip(stored));
  }, 60_000);

  it("refuses a second run unless --append, which continues after the last person", async () => {
    const again = await seedScale(url, { people: 10, seed: 5, now: NOW });
    expect(again).toEqual({ ok: false, message: expect.stringContaining("已有 500 名种子人员") });
    const more = await seedScale(url, { people: 50, seed: 5, append: true, now: NOW });
    if ("ok" in more) throw new Error(more.message);
    expect(more).toMatchObject({ people: 50, firstIndex: 500 });
    expect(await db.person.count({ where: { phone: { startsWith: "19" } } })).toBe(550);
    const reset = await seedScale(url, { people: 10, seed: 5, reset: true, now: NOW });
    // Other tests' people share this database: --reset must not touch them.
    if ((await db.person.count({ where: { NOT: { phone: { startsWith: "19" } } } })) > 0) {
      expect(reset).toMatchObject({ ok: false, message: expect.stringContaining("非种子人员") });
    }
  }, 120_000);
});
