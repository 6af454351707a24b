import codes from "i18n-iso-countries/codes.json";
import { describe, expect, it } from "vitest";
import { NATIONALITIES, nationalityFromDocument } from "./nationality";
import { codeTableSchema } from "./code-table-schema";

describe("国籍/地区 (GB/T 2659)", () => {
  it("has every ISO 3166-1 country with Chinese names, China first", () => {
    expect(NATIONALITIES.entries.length).toBeGreaterThan(240);
    expect(NATIONALITIES.entries[0]).toEqual({ code: "CHN", label: "中国" });
    expect(NATIONALITIES.label("USA")).toBe("美国");
    expect(NATIONALITIES.label("HKG")).toBe("中国香港");
    expect(NATIONALITIES.label("TWN")).toBe("中国台湾");
    expect(codeTableSchema(NATIONALITIES).safeParse("XXX").error?.issues[0]?.message).toBe(
      "请选择国籍/地区",
    );
  });

  it("has exactly the library's alpha-3 codes", () => {
    expect(new Set(NATIONALITIES.codes)).toEqual(new Set(codes.map((row) => row[1])));
  });

  it("is settled by the documents that name it and asked for the others", () => {
    expect(nationalityFromDocument("RESIDENT_ID", "4401************1X")).toBe("CHN");
    expect(nationalityFromDocument("HMT_RESIDENCE", "8100************15")).toBe("HKG");
    expect(nationalityFromDocument("HMT_RESIDENCE", "8300************15")).toBe("TWN");
    expect(nationalityFromDocument("HKMO_PERMIT", "M******02")).toBe("MAC");
    expect(nationalityFromDocument("TW_PERMIT", "0*****78")).toBe("TWN");
    expect(nationalityFromDocument("PASSPORT", "E*****78")).toBeNull();
    expect(nationalityFromDocument("FOREIGN_PR", "9*******5")).toBeNull();
  });
});
