import { describe, expect, it } from "vitest";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import { yearSummary } from "@/lib/ce/year-status";
import {
  ageBand,
  bucketLabel,
  ceBucket,
  ceYearBuckets,
  ceRequirement,
  ceYears,
  FIXED_DIMENSIONS,
  monthLabel,
  monthsBetween,
} from "./dimensions";

describe("age bands", () => {
  it("puts each boundary age in the lower band, as of the given year", () => {
    const at = (age: number) => ageBand(2026 - age, 2026);
    expect([
      at(18),
      at(30),
      at(31),
      at(40),
      at(41),
      at(50),
      at(51),
      at(60),
      at(61),
      at(90),
    ]).toEqual([
      "TO30",
      "TO30",
      "31-40",
      "31-40",
      "41-50",
      "41-50",
      "51-60",
      "51-60",
      "OVER60",
      "OVER60",
    ]);
    expect(ageBand(1996, 2026)).toBe("TO30");
    expect(ageBand(1996, 2027)).toBe("31-40");
    expect(ageBand(null, 2026)).toBe("UNKNOWN");
  });
});

describe("bucket labels", () => {
  it("labels code-table buckets, NONE, months and CE states in Chinese", () => {
    expect(bucketLabel("employment-status", "ACCOUNTING_POST")).toBe("会计工作岗位");
    expect(bucketLabel("employment-status", "NONE")).toBe("未填写");
    expect(bucketLabel("qualification-level", "PROFESSOR")).toBe("正高级");
    expect(bucketLabel("qualification-type", "NONE")).toBe("无专业技术资格");
    expect(bucketLabel("education-level", "20")).toBe("大学本科教育");
    expect(bucketLabel("age-band", "OVER60")).toBe("60岁以上");
    expect(bucketLabel("high-end-talent", "YES")).toBe("是");
    expect(bucketLabel("collection-status", "none")).toBe("仅注册未采集");
    expect(bucketLabel("collected-month", "2026-03")).toBe("2026年3月");
    expect(bucketLabel("transfer-in-month", "2025-12")).toBe("2025年12月");
    expect(bucketLabel("ce-2025", "PENDING")).toBe("有在途");
    expect(bucketLabel("employment-status", "RETIRED")).toBe("RETIRED");
    expect(monthLabel("2026-13")).toBe("2026-13");
  });

  it("gives every fixed dimension distinct bucket codes", () => {
    for (const d of Object.values(FIXED_DIMENSIONS)) {
      const codes = d.buckets.map((b) => b.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe("months", () => {
  it("lists every month between two, across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(monthsBetween("2026-02", "2026-02")).toEqual(["2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
    expect(monthsBetween("x", "2026-02")).toEqual([]);
  });

  it("keeps five CE years, the current one first", () => {
    expect(ceYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});

describe("CE buckets", () => {
  it("agrees with the person's own year summary for every mix of credits", () => {
    for (const thresholds of [GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS]) {
      const r = ceRequirement(thresholds);
      for (let pub = 0; pub <= 120; pub += 5) {
        for (let pro = 0; pro <= 150; pro += 5) {
          const summary = yearSummary({
            year: 2025,
            records: [
              { year: 2025, category: "PUBLIC", credits: pub, state: "completed" },
              { year: 2025, category: "PROFESSIONAL", credits: pro, state: "recognised" },
            ],
            thresholds,
            obligationStartYear: 2020,
            today: "2026-06-01",
          });
          const bucket = ceBucket(
            { publicTenths: pub * 10, professionalTenths: pro * 10, pending: 0 },
            r,
          );
          expect([pub, pro, bucket]).toEqual([
            pub,
            pro,
            summary.thresholdsMet ? "COMPLETE" : "INCOMPLETE",
          ]);
        }
      }
    }
  });

  it("meets exactly two thirds and misses a tenth below it (national rule)", () => {
    const r = ceRequirement(NATIONAL_CE_THRESHOLDS);
    expect(ceBucket({ publicTenths: 300, professionalTenths: 600, pending: 0 }, r)).toBe(
      "COMPLETE",
    );
    expect(ceBucket({ publicTenths: 301, professionalTenths: 599, pending: 0 }, r)).toBe(
      "INCOMPLETE",
    );
    // 专业 two thirds of the credits earned, not of 90: 40 公需 needs 80 专业.
    expect(ceBucket({ publicTenths: 400, professionalTenths: 790, pending: 0 }, r)).toBe(
      "INCOMPLETE",
    );
    expect(ceBucket({ publicTenths: 400, professionalTenths: 800, pending: 0 }, r)).toBe(
      "COMPLETE",
    );
  });

  it("says 有在途 only for a year not yet met", () => {
    const r = ceRequirement(GUANGDONG_CE_THRESHOLDS);
    expect(ceBucket({ publicTenths: 300, professionalTenths: 590, pending: 1 }, r)).toBe("PENDING");
    expect(ceBucket({ publicTenths: 300, professionalTenths: 600, pending: 2 }, r)).toBe(
      "COMPLETE",
    );
    expect(ceBucket({ publicTenths: 290, professionalTenths: 900, pending: 0 }, r)).toBe(
      "INCOMPLETE",
    );
  });

  it("counts nobody 未完成 for a year before the platform's records begin (无记录)", () => {
    const r = ceRequirement(GUANGDONG_CE_THRESHOLDS);
    const none = { publicTenths: 0, professionalTenths: 0, pending: 0 };
    expect(ceBucket(none, r, true)).toBe("NO_RECORD");
    expect(ceBucket({ ...none, pending: 1 }, r, true)).toBe("PENDING");
    expect(ceBucket({ publicTenths: 300, professionalTenths: 600, pending: 0 }, r, true)).toBe(
      "COMPLETE",
    );
    expect(ceYearBuckets(2019, 2020)).toEqual(["COMPLETE", "PENDING", "NO_RECORD"]);
    expect(ceYearBuckets(2020, 2020)).toEqual(["COMPLETE", "PENDING", "INCOMPLETE"]);
    expect(bucketLabel("ce-2019", "NO_RECORD")).toBe("无记录");
  });
});
