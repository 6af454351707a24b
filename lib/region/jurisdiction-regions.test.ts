import { describe, expect, it } from "vitest";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "./divisions";
import { cityOf, regionPlace } from "./jurisdiction-regions";

const guangdong = buildJurisdictionRegions(jurisdictionFromEnv({}));

describe("the jurisdiction's regions as plain data", () => {
  it("lists Guangdong's cities without 深圳, 东莞 and 中山 without counties", () => {
    expect(guangdong.label).toBe("广东省内（除深圳）");
    expect(guangdong.cities).toHaveLength(20);
    expect(guangdong.cities.some((c) => c.code === "440300")).toBe(false);
    expect(cityOf(guangdong, "441900")?.counties).toEqual([]);
    expect(cityOf(guangdong, "442000")?.counties).toEqual([]);
    expect(cityOf(guangdong, "440106")?.name).toBe("广州市");
  });

  it("places a code: leaf, inside but not a leaf, or outside", () => {
    expect(regionPlace(guangdong, "440106")).toBe("leaf");
    expect(regionPlace(guangdong, "441900")).toBe("leaf");
    expect(regionPlace(guangdong, "440100")).toBe("inside");
    expect(regionPlace(guangdong, "440000")).toBe("inside");
    expect(regionPlace(guangdong, "440305")).toBe("outside");
    expect(regionPlace(guangdong, "110101")).toBe("outside");
    expect(regionPlace(guangdong, "")).toBe("outside");
  });

  it("follows a configured jurisdiction without exclusions", () => {
    const beijing = buildJurisdictionRegions(
      jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "110000" }),
    );
    expect(regionPlace(beijing, "110105")).toBe("leaf");
    expect(regionPlace(beijing, "440106")).toBe("outside");
  });

  it("is small enough to send to a phone", () => {
    expect(JSON.stringify(guangdong).length).toBeLessThan(12_000);
  });
});
