import { describe, expect, it } from "vitest";
import {
  beijingDate,
  gb11643CheckChar,
  gb11643Gender,
  hasValidGb11643Check,
  isMainlandProvinceCode,
  isResidentIdProvinceCode,
  parseBirthDate,
} from "@/lib/identity/gb11643";

// Independent of the module's weight table: w_i = 2^(17-i) mod 11.
function expectedCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  return "10X98765432".charAt(sum % 11);
}

const NOW = new Date("2025-06-15T04:00:00Z");

describe("gb11643CheckChar", () => {
  it("matches the examples printed in GB 11643-1999", () => {
    expect(gb11643CheckChar("11010519491231002")).toBe("X");
    expect(gb11643CheckChar("44052418800101001")).toBe("4");
  });

  it("agrees with the textbook formula on many bodies", () => {
    for (let seed = 0; seed < 500; seed++) {
      const body = String(11010119000101000n + BigInt(seed) * 7919_0001_3n)
        .padStart(17, "0")
        .slice(0, 17);
      expect(gb11643CheckChar(body)).toBe(expectedCheck(body));
    }
  });

  it("refuses anything but 17 digits", () => {
    expect(() => gb11643CheckChar("1234")).toThrow();
    expect(() => gb11643CheckChar("1101051949123100X")).toThrow();
  });
});

describe("hasValidGb11643Check", () => {
  it("accepts a correct number and rejects a changed check character", () => {
    expect(hasValidGb11643Check("11010519491231002X")).toBe(true);
    expect(hasValidGb11643Check("110105194912310021")).toBe(false);
    expect(hasValidGb11643Check("11010519491231002x")).toBe(false); // normalise first
  });
});

describe("gb11643Gender", () => {
  it("reads the 17th digit: odd male 1, even female 2", () => {
    expect(gb11643Gender("440524188001010014")).toBe("1");
    expect(gb11643Gender("11010519491231002X")).toBe("2");
  });
});

describe("parseBirthDate", () => {
  it("accepts real dates", () => {
    expect(parseBirthDate("19491231", NOW)).toEqual({ ok: true, date: "1949-12-31" });
    expect(parseBirthDate("18800101", NOW)).toEqual({ ok: true, date: "1880-01-01" });
  });

  it("rejects dates that do not exist", () => {
    expect(parseBirthDate("19900230", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(parseBirthDate("19901301", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(parseBirthDate("19900000", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(parseBirthDate("19900431", NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("knows leap years, including the century rules", () => {
    expect(parseBirthDate("19640229", NOW).ok).toBe(true);
    expect(parseBirthDate("19620229", NOW).ok).toBe(false);
    expect(parseBirthDate("20000229", NOW).ok).toBe(true);
    expect(parseBirthDate("19000229", NOW).ok).toBe(false);
  });

  it("rejects dates before 1880", () => {
    expect(parseBirthDate("18791231", NOW)).toEqual({ ok: false, reason: "too-early" });
  });

  it("uses Beijing's date for today", () => {
    // 2025-06-14 16:30 UTC is already 2025-06-15 00:30 in Beijing.
    const lateUtc = new Date("2025-06-14T16:30:00Z");
    expect(beijingDate(lateUtc)).toBe("2025-06-15");
    expect(parseBirthDate("20250615", lateUtc).ok).toBe(true);
    expect(parseBirthDate("20250616", lateUtc)).toEqual({ ok: false, reason: "future" });
    // 15:59 UTC is still 23:59 on the 14th in Beijing.
    expect(parseBirthDate("20250615", new Date("2025-06-14T15:59:00Z"))).toEqual({
      ok: false,
      reason: "future",
    });
  });
});

describe("province prefixes", () => {
  it("knows the mainland codes", () => {
    for (const code of [
      "11",
      "15",
      "21",
      "23",
      "31",
      "37",
      "41",
      "44",
      "46",
      "50",
      "54",
      "61",
      "65",
    ]) {
      expect(isMainlandProvinceCode(code)).toBe(true);
    }
    for (const code of [
      "00",
      "10",
      "16",
      "24",
      "38",
      "47",
      "55",
      "66",
      "71",
      "81",
      "82",
      "83",
      "91",
    ]) {
      expect(isMainlandProvinceCode(code)).toBe(false);
    }
  });

  it("allows Taiwan's GB/T 2260 code on a 居民身份证 but not the residence-permit prefixes", () => {
    expect(isResidentIdProvinceCode("71")).toBe(true);
    expect(isResidentIdProvinceCode("81")).toBe(false);
    expect(isResidentIdProvinceCode("83")).toBe(false);
  });
});
