import { describe, expect, it } from "vitest";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { hasValidGb11643Check } from "@/lib/identity/gb11643";
import { getRegion, isJurisdictionLeaf } from "@/lib/region/divisions";
import { validateCreditCode } from "@/lib/collection/credit-code";
import { SEED_SURNAMES } from "./names";
import { scalePerson } from "./person";
import { leafWeights } from "./regions";
import { recordColumns } from "./search-row";
import { scaleSetup } from "./seed";

const GD = jurisdictionFromEnv({});
const setup = scaleSetup(3, "2026-12-04", GD);
const sample = Array.from({ length: 4000 }, (_, i) => scalePerson(setup, i));
const share = (pred: (p: (typeof sample)[number]) => boolean, of = sample) =>
  of.filter(pred).length / of.length;

describe("seed regions", () => {
  it("are leaves of Guangdong outside 深圳, 广州 heaviest, then 佛山 and 东莞", () => {
    const weights = leafWeights(GD);
    expect(weights.every(([code]) => isJurisdictionLeaf(code, GD))).toBe(true);
    expect(weights.some(([code]) => code.startsWith("4403"))).toBe(false);
    const city = (code: string) => code.slice(0, 4);
    const byCity = new Map<string, number>();
    for (const [code, w] of weights) byCity.set(city(code), (byCity.get(city(code)) ?? 0) + w);
    const ranked = [...byCity].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 3)).toEqual(["4401", "4406", "4419"]);
    const gz = share(
      (p) => p.regionCode.startsWith("4401"),
      sample.filter((p) => p.collection),
    );
    expect(gz).toBeGreaterThan(0.17);
    expect(gz).toBeLessThan(0.31);
  });
});

describe("seed people", () => {
  it("are the same for the same seed and index, different for another seed", () => {
    const again = scalePerson(scaleSetup(3, "2026-12-04", GD), 17);
    expect(JSON.stringify(again)).toBe(JSON.stringify(sample[17]));
    expect(scalePerson(scaleSetup(4, "2026-12-04", GD), 17).name).not.toBe(
      `${sample[17]!.name}${sample[17]!.regionCode}` === "" ? "" : sample[17]!.name + "x",
    );
    const other = Array.from({ length: 50 }, (_, i) =>
      scalePerson(scaleSetup(4, "2026-12-04", GD), i),
    );
    expect(other.filter((p, i) => p.name === sample[i]!.name).length).toBeLessThan(10);
  });

  it("have valid numbers, real names, and registered-only people stay at the province", () => {
    for (const p of sample) {
      expect(hasValidGb11643Check(p.idNumber)).toBe(true);
      expect(getRegion(p.idNumber.slice(0, 6))).toBeDefined();
      expect(SEED_SURNAMES.some((s) => p.name.startsWith(s))).toBe(true);
      expect(p.name.length).toBeGreaterThanOrEqual(2);
      expect(p.keys.initials.length).toBeGreaterThanOrEqual(2);
      if (!p.collection) expect(p.regionCode).toBe("440000");
      else {
        expect(p.collection.record.work.regionCode).toBe(p.regionCode);
        expect(p.registeredAt.getTime()).toBeLessThanOrEqual(p.collection.collectedAt.getTime());
        const code = p.collection.record.work.employerCreditCode;
        if (code) expect(validateCreditCode(code).ok).toBe(true);
      }
    }
    expect(share((p) => p.gender === "2")).toBeGreaterThan(0.6);
    expect(share((p) => !p.collection)).toBeGreaterThan(0.05);
    expect(share((p) => !p.collection)).toBeLessThan(0.11);
  });

  it("hold qualifications about 55% none, 30% 初级, 12% 中级, 3% 高级 and up, and a few 高端人才", () => {
    const collected = sample.filter((p) => p.collection);
    const level = (p: (typeof sample)[number]) =>
      recordColumns(p.collection!.record).qualificationLevel;
    expect(share((p) => level(p) === null, collected)).toBeGreaterThan(0.5);
    expect(share((p) => level(p) === null, collected)).toBeLessThan(0.62);
    expect(share((p) => level(p) === "JUNIOR", collected)).toBeGreaterThan(0.25);
    expect(share((p) => level(p) === "INTERMEDIATE", collected)).toBeGreaterThan(0.08);
    const senior = share((p) => level(p) === "SENIOR" || level(p) === "PROFESSOR", collected);
    expect(senior).toBeGreaterThan(0.01);
    expect(senior).toBeLessThan(0.05);
    const talents = collected.filter((p) => recordColumns(p.collection!.record).highEndTalent);
    expect(talents.length).toBeGreaterThan(0);
    expect(talents.length / collected.length).toBeLessThan(0.01);
  });

  it("have CE records only after collection, totals a year can reach, and closed transfers", () => {
    for (const p of sample) {
      for (const c of p.credits) {
        expect(p.collection).not.toBeNull();
        expect(c.at.getTime()).toBeGreaterThanOrEqual(p.collection!.collectedAt.getTime());
        expect([2025, 2026]).toContain(c.year);
        expect(c.tenths % 1).toBe(0);
      }
      if (p.transfer) {
        expect(p.transfer.createdAt.getTime()).toBeGreaterThan(p.collection!.collectedAt.getTime());
        expect(p.transfer.closedAt.getTime()).toBeGreaterThan(p.transfer.createdAt.getTime());
        expect(p.transferState).toBe(p.transfer.state === "transferred" ? "OUT_DONE" : null);
      } else expect(p.transferState).toBeNull();
    }
    expect(sample.filter((p) => p.transfer).length).toBeGreaterThan(3);
    expect(share((p) => p.credits.some((c) => c.year === 2025))).toBeGreaterThan(0.5);
  });
});

describe("search projection columns", () => {
  it("take the highest education attained and each qualification once", () => {
    const p = sample.find((x) => x.collection?.record.education.fullTime.length === 2)!;
    expect(recordColumns(p.collection!.record).educationLevel).toBe("10");
    const student = sample.find((x) => x.collection?.record.work.status === "STUDENT")!;
    expect(recordColumns(student.collection!.record)).toMatchObject({
      employmentStatus: "STUDENT",
      educationLevel: null, // 在读: not attained yet
      qualifications: [],
      qualificationLevel: null,
    });
    const qualified = sample.find(
      (x) => x.collection?.record.professional.qualifications.length === 2,
    )!;
    const cols = recordColumns(qualified.collection!.record);
    expect(cols.qualifications).toHaveLength(2);
    expect(cols.qualifications[1]).toMatch(/^[A-Z]+:INTERMEDIATE$/);
    expect(cols.qualificationLevel).toBe("INTERMEDIATE");
  });
});
