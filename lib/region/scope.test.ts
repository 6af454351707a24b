import { describe, expect, it } from "vitest";
import { ownRegionCode, regionScopePrefix, regionWithin } from "./scope";

describe("staff region scopes", () => {
  it("reads 2-, 4- and 6-digit scopes as prefixes", () => {
    expect(regionScopePrefix("44")).toBe("44");
    expect(regionScopePrefix("440000")).toBe("44");
    expect(regionScopePrefix("4401")).toBe("4401");
    expect(regionScopePrefix("440100")).toBe("4401");
    expect(regionScopePrefix("440106")).toBe("440106");
    for (const bad of ["", "4", "441", "4401061", "00", "abcd"]) {
      expect(regionScopePrefix(bad)).toBeNull();
    }
  });

  it("matches a region within a province, a city or a county and nothing else", () => {
    expect(regionWithin("440106", ["44"])).toBe(true);
    expect(regionWithin("440106", ["4401"])).toBe(true);
    expect(regionWithin("440106", ["440106"])).toBe(true);
    expect(regionWithin("440106", ["440104", "4403"])).toBe(false);
    expect(regionWithin("440106", ["45"])).toBe(false);
    // An empty or malformed scope must never become "everything".
    expect(regionWithin("440106", [""])).toBe(false);
    expect(regionWithin("440106", [])).toBe(false);
    expect(regionWithin("", ["44"])).toBe(false);
  });

  it("files an office's own texts under its 6-digit code, and nowhere for a malformed scope", () => {
    const own = (...regionCodes: string[]) => ownRegionCode({ staffId: "s", regionCodes });
    expect(own("440000")).toBe("440000");
    expect(own("44")).toBe("440000");
    expect(own("4401")).toBe("440100");
    expect(own("440106")).toBe("440106");
    expect(own("", "440300")).toBe("440300");
    expect(own("")).toBeNull();
    expect(own()).toBeNull();
  });
});
