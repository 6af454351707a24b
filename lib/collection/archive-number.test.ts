import { describe, expect, it } from "vitest";
import { archiveProvince, formatArchiveNumber, parseArchiveNumber } from "./archive-number";

describe("档案编号", () => {
  it("is province + year + 8-digit zero-padded serial", () => {
    expect(formatArchiveNumber({ province: "44", year: 2026, serial: 123 })).toBe("44202600000123");
    expect(formatArchiveNumber({ province: "44", year: 2026, serial: 99_999_999 })).toBe(
      "44202699999999",
    );
  });

  it("takes the province from the jurisdiction's code", () => {
    expect(archiveProvince("440000")).toBe("44");
  });

  it("refuses parts that would not fit the format", () => {
    expect(() => formatArchiveNumber({ province: "4", year: 2026, serial: 1 })).toThrow(RangeError);
    expect(() => formatArchiveNumber({ province: "00", year: 2026, serial: 1 })).toThrow(
      RangeError,
    );
    expect(() => formatArchiveNumber({ province: "44", year: 26, serial: 1 })).toThrow(RangeError);
    expect(() => formatArchiveNumber({ province: "44", year: 2026, serial: 0 })).toThrow(
      RangeError,
    );
    expect(() => formatArchiveNumber({ province: "44", year: 2026, serial: 100_000_000 })).toThrow(
      RangeError,
    );
  });

  it("parses what it formats, and nothing malformed", () => {
    const n = formatArchiveNumber({ province: "44", year: 2027, serial: 42 });
    expect(parseArchiveNumber(n)).toEqual({ province: "44", year: 2027, serial: 42 });
    expect(parseArchiveNumber("44 2027 00000042")).toEqual({
      province: "44",
      year: 2027,
      serial: 42,
    });
    expect(parseArchiveNumber("4420270000004")).toBeNull();
    expect(parseArchiveNumber("44202700000000")).toBeNull();
    expect(parseArchiveNumber("4420270000004X")).toBeNull();
  });
});
