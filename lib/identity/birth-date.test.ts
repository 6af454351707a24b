import { describe, expect, it } from "vitest";
import { birthYearOf, encodedBirthDate, typeMayEncodeBirthDate } from "@/lib/identity/birth-date";

describe("encodedBirthDate", () => {
  it("reads the date of 18-character numbers of the types that carry one", () => {
    expect(encodedBirthDate("RESIDENT_ID", "11010519491231002X")).toBe("1949-12-31");
    expect(encodedBirthDate("HMT_RESIDENCE", "810000198511200037")).toBe("1985-11-20");
    expect(encodedBirthDate("FOREIGN_PR", "944084199001011230")).toBe("1990-01-01");
  });

  it("answers undefined for documents without one, and for what is not a valid date", () => {
    expect(encodedBirthDate("FOREIGN_PR", "USA440080010150")).toBeUndefined();
    expect(encodedBirthDate("PASSPORT", "110105194912310021")).toBeUndefined();
    expect(encodedBirthDate("HKMO_PERMIT", "H12345678")).toBeUndefined();
    expect(encodedBirthDate("RESIDENT_ID", "110105194902300021")).toBeUndefined();
    expect(encodedBirthDate("UNKNOWN", "11010519491231002X")).toBeUndefined();
  });

  it("knows which types can carry a date at all", () => {
    expect(["RESIDENT_ID", "HMT_RESIDENCE", "FOREIGN_PR"].every(typeMayEncodeBirthDate)).toBe(true);
    expect(["HKMO_PERMIT", "TW_PERMIT", "PASSPORT", "X"].some(typeMayEncodeBirthDate)).toBe(false);
  });
});

describe("birthYearOf", () => {
  it("keeps the year of a date, null without one", () => {
    expect(birthYearOf("1990-03-07")).toBe(1990);
    expect(birthYearOf(undefined)).toBeNull();
    expect(birthYearOf(null)).toBeNull();
    expect(birthYearOf("")).toBeNull();
  });
});
