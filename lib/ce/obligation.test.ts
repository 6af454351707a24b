import { describe, expect, it } from "vitest";
import { obligationStartYear, obligationYears } from "./obligation";

describe("continuing-education obligation", () => {
  it("starts the year after a qualification is obtained", () => {
    expect(obligationStartYear({ qualificationYears: [2020] })).toBe(2021);
  });

  it("starts the year accounting work begins for someone without a qualification", () => {
    expect(obligationStartYear({ qualificationYears: [], accountingSinceYear: 2019 })).toBe(2019);
  });

  it("takes whichever comes first", () => {
    expect(obligationStartYear({ qualificationYears: [2020], accountingSinceYear: 2015 })).toBe(
      2015,
    );
    expect(obligationStartYear({ qualificationYears: [2014], accountingSinceYear: 2018 })).toBe(
      2015,
    );
    // Same year: the qualification's obligation starts a year later, the work's that year.
    expect(obligationStartYear({ qualificationYears: [2018], accountingSinceYear: 2018 })).toBe(
      2018,
    );
    expect(obligationStartYear({ qualificationYears: [2022, 2012, 2017] })).toBe(2013);
  });

  it("is none without a qualification or accounting work", () => {
    expect(obligationStartYear({ qualificationYears: [] })).toBeNull();
    expect(obligationStartYear({ qualificationYears: [], accountingSinceYear: null })).toBeNull();
  });

  it("refuses non-integer years", () => {
    expect(() => obligationStartYear({ qualificationYears: [2020.5] })).toThrow(RangeError);
  });

  it("lists the obliged years up to this year", () => {
    expect(obligationYears(2023, 2026)).toEqual([2023, 2024, 2025, 2026]);
    expect(obligationYears(2027, 2026)).toEqual([]);
    expect(obligationYears(null, 2026)).toEqual([]);
  });
});
