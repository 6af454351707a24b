import { describe, expect, it } from "vitest";
import { contentParagraphs, contentRegionChain } from "./content-blocks";

describe("which region's text applies", () => {
  it("goes from the county up through its city and province to the platform default", () => {
    expect(contentRegionChain("440106")).toEqual(["440106", "440100", "440000", "000000"]);
    expect(contentRegionChain("440100")).toEqual(["440100", "440000", "000000"]);
    expect(contentRegionChain("440000")).toEqual(["440000", "000000"]);
  });

  it("falls back to the platform default alone for a malformed code", () => {
    for (const bad of ["", "4401", "44010a", "000000", "4401060"]) {
      expect(contentRegionChain(bad)).toEqual(["000000"]);
    }
  });

  it("reads one paragraph per non-empty line", () => {
    expect(contentParagraphs(" 一 \n\n\n二\n  \n")).toEqual(["一", "二"]);
  });
});
