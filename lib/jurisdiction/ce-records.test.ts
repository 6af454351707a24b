import { describe, expect, it } from "vitest";
import { ceRecordsFromYear, DEFAULT_CE_RECORDS_FROM_YEAR } from "./ce-records";

describe("KUAIJI_CE_RECORDS_FROM_YEAR", () => {
  it("defaults to 2020 when unset or empty", () => {
    expect(DEFAULT_CE_RECORDS_FROM_YEAR).toBe(2020);
    expect(ceRecordsFromYear({})).toBe(2020);
    expect(ceRecordsFromYear({ KUAIJI_CE_RECORDS_FROM_YEAR: " " })).toBe(2020);
  });

  it("takes a four-digit year", () => {
    expect(ceRecordsFromYear({ KUAIJI_CE_RECORDS_FROM_YEAR: "2013" })).toBe(2013);
    expect(ceRecordsFromYear({ KUAIJI_CE_RECORDS_FROM_YEAR: " 2024 " })).toBe(2024);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["20", "2020年", "1899", "2101", "2020.5", "-2020"]) {
      expect(() => ceRecordsFromYear({ KUAIJI_CE_RECORDS_FROM_YEAR: bad })).toThrow(
        /KUAIJI_CE_RECORDS_FROM_YEAR/,
      );
    }
  });
});
