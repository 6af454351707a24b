import { afterEach, describe, expect, it, vi } from "vitest";
import {
  GUANGDONG_CE_THRESHOLDS,
  NATIONAL_CE_THRESHOLDS,
  getCeThresholds,
  thresholdsFromEnv,
} from "@/lib/jurisdiction/ce-thresholds";

describe("continuing-education thresholds", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses Guangdong's 公需 30 + 专业 60 for Guangdong and its cities", () => {
    for (const code of ["440000", "440100", "441900"]) {
      expect(thresholdsFromEnv({}, code)).toEqual({
        minTotal: 90,
        minPublic: 30,
        minProfessional: 60,
        minProfessionalShare: null,
        basis: "粤财会函〔2020〕4号",
      });
    }
  });

  it("uses the national 90 credits with 专业 ≥ 2/3 elsewhere, Shenzhen included", () => {
    for (const code of ["330000", "110000", "440300", "440305"]) {
      expect(thresholdsFromEnv({}, code)).toEqual({
        minTotal: 90,
        minPublic: 0,
        minProfessional: 0,
        minProfessionalShare: { numerator: 2, denominator: 3 },
        basis: "财会〔2018〕10号",
      });
    }
  });

  it("lets each variable override only itself; empty means the default", () => {
    const t = thresholdsFromEnv(
      { KUAIJI_CE_MIN_PUBLIC: "24", KUAIJI_CE_MIN_TOTAL: " ", KUAIJI_CE_MIN_PROFESSIONAL: "66.5" },
      "440000",
    );
    expect(t).toMatchObject({ minTotal: 90, minPublic: 24, minProfessional: 66.5 });
    expect(t.minProfessionalShare).toBeNull();
  });

  it("reads the share as a fraction or a decimal, and 0 as no share rule", () => {
    const share = (v: string) =>
      thresholdsFromEnv({ KUAIJI_CE_MIN_PROFESSIONAL_SHARE: v }, "330000").minProfessionalShare;
    expect(share("3/4")).toEqual({ numerator: 3, denominator: 4 });
    expect(share("0.6")).toEqual({ numerator: 6, denominator: 10 });
    expect(share("1")).toEqual({ numerator: 1, denominator: 1 });
    expect(share("0")).toBeNull();
    expect(share("")).toEqual({ numerator: 2, denominator: 3 });
    expect(
      thresholdsFromEnv({ KUAIJI_CE_MIN_PROFESSIONAL_SHARE: "2/3" }, "440000").minProfessionalShare,
    ).toEqual({ numerator: 2, denominator: 3 });
  });

  it("refuses bad values with the variable's name", () => {
    expect(() => thresholdsFromEnv({ KUAIJI_CE_MIN_TOTAL: "abc" }, "440000")).toThrow(
      /KUAIJI_CE_MIN_TOTAL/,
    );
    expect(() => thresholdsFromEnv({ KUAIJI_CE_MIN_PUBLIC: "-1" }, "440000")).toThrow(
      /KUAIJI_CE_MIN_PUBLIC/,
    );
    expect(() => thresholdsFromEnv({ KUAIJI_CE_MIN_PROFESSIONAL: "60.25" }, "440000")).toThrow(
      /KUAIJI_CE_MIN_PROFESSIONAL/,
    );
    for (const v of ["4/3", "1/0", "1.5", "abc", "-0.5"]) {
      expect(() => thresholdsFromEnv({ KUAIJI_CE_MIN_PROFESSIONAL_SHARE: v }, "440000")).toThrow(
        /KUAIJI_CE_MIN_PROFESSIONAL_SHARE/,
      );
    }
  });

  it("getCeThresholds follows the deployment's jurisdiction and re-reads changed variables", () => {
    vi.stubEnv("KUAIJI_JURISDICTION_CODE", "440000");
    vi.stubEnv("KUAIJI_CE_MIN_PUBLIC", "");
    expect(getCeThresholds()).toEqual(GUANGDONG_CE_THRESHOLDS);
    vi.stubEnv("KUAIJI_JURISDICTION_CODE", "330000");
    expect(getCeThresholds()).toEqual(NATIONAL_CE_THRESHOLDS);
    vi.stubEnv("KUAIJI_CE_MIN_PUBLIC", "10");
    expect(getCeThresholds().minPublic).toBe(10);
  });
});
