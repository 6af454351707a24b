import { describe, expect, it } from "vitest";
import { childrenOf, type Region } from "@/lib/region/divisions";
import {
  CORPS_CODE,
  destinationRegionProblem,
  destinationRegions,
  exchangeMember,
  exchangeMembers,
  isMemberLeaf,
  jurisdictionOf,
} from "./members";

function leavesUnder(code: string | null): Region[] {
  return childrenOf(code).flatMap((r) => (r.leaf ? [r] : leavesUnder(r.code)));
}

describe("exchange members", () => {
  const members = exchangeMembers();

  it("are the 31 provinces, the Corps and the five separately listed cities", () => {
    expect(members).toHaveLength(37);
    expect(members.filter((m) => m.kind === "province")).toHaveLength(31);
    expect(
      members
        .filter((m) => m.kind === "separately-listed-city")
        .map((m) => m.code)
        .sort(),
    ).toEqual(["210200", "330200", "350200", "370200", "440300"]);
    expect(new Set(members.map((m) => m.code)).size).toBe(37);
    for (const code of ["710000", "810000", "820000"]) expect(exchangeMember(code)).toBeUndefined();
  });

  it("carry official names", () => {
    expect(exchangeMember("440000")?.name).toBe("广东省");
    expect(exchangeMember("440300")?.name).toBe("深圳市");
    expect(exchangeMember("210200")?.name).toBe("大连市");
    expect(exchangeMember(CORPS_CODE)).toEqual({
      code: "660000",
      name: "新疆生产建设兵团",
      kind: "corps",
      regionRoot: "659000",
    });
  });
});

describe("jurisdictionOf", () => {
  it.each([
    ["440305", "440300"], // 南山区 → 深圳
    ["440300", "440300"],
    ["440106", "440000"], // 天河区 → 广东
    ["441900", "440000"], // 东莞, a city without counties
    ["440000", "440000"],
    ["210202", "210200"], // 大连 中山区
    ["370202", "370200"], // 青岛 市南区
    ["330203", "330200"], // 宁波 海曙区
    ["350203", "350200"], // 厦门 思明区
    ["659001", "660000"], // 石河子 → the Corps
    ["650102", "650000"], // 乌鲁木齐 天山区 → 新疆
    ["110101", "110000"], // 北京 东城区
  ])("%s is served by %s", (region, member) => {
    expect(jurisdictionOf(region)).toBe(member);
  });

  it.each(["810000", "710000", "999999", "130171", "", null, undefined])(
    "no member serves %s",
    (region) => {
      expect(jurisdictionOf(region)).toBeUndefined();
    },
  );

  it("gives every concrete region but 香港, 澳门 and 台湾 exactly one member", () => {
    const unserved = leavesUnder(null).filter((r) => !jurisdictionOf(r.code));
    expect(unserved.map((r) => r.code).sort()).toEqual(["710000", "810000", "820000"]);
  });
});

describe("destinationRegions", () => {
  it("is each member's own division table, the members inside it left out", () => {
    const all = exchangeMembers().flatMap((m) =>
      destinationRegions(m.code)!.cities.flatMap((c) =>
        c.counties.length ? c.counties.map((k) => k.code) : [c.code],
      ),
    );
    const leaves = leavesUnder(null)
      .map((r) => r.code)
      .filter((c) => !["710000", "810000", "820000"].includes(c));
    expect(all.length).toBe(new Set(all).size); // no region served twice
    expect(new Set(all)).toEqual(new Set(leaves));
  });

  it("shows 广东 without 深圳 and 深圳 alone", () => {
    const guangdong = destinationRegions("440000")!;
    expect(guangdong.label).toBe("广东省内（除深圳）");
    expect(guangdong.cities).toHaveLength(20);
    expect(guangdong.cities.map((c) => c.code)).not.toContain("440300");
    expect(guangdong.cities.find((c) => c.code === "441900")?.counties).toEqual([]);
    const shenzhen = destinationRegions("440300")!;
    expect(shenzhen.label).toBe("深圳市");
    expect(shenzhen.cities.map((c) => c.code)).toEqual(["440300"]);
    expect(shenzhen.cities[0]!.counties.map((c) => c.code)).toContain("440305");
  });

  it("gives the Corps its cities and 新疆 the rest", () => {
    const corps = destinationRegions(CORPS_CODE)!;
    expect(corps.label).toBe("新疆生产建设兵团");
    expect(corps.cities).toEqual([
      expect.objectContaining({ code: "659000", name: "新疆生产建设兵团" }),
    ]);
    expect(corps.cities[0]!.counties.map((c) => c.name)).toContain("石河子市");
    const xinjiang = destinationRegions("650000")!;
    expect(xinjiang.label).toBe("新疆维吾尔自治区内（除新疆生产建设兵团）");
    expect(xinjiang.cities.map((c) => c.code)).not.toContain("659000");
  });

  it("is undefined for a non-member", () => {
    expect(destinationRegions("810000")).toBeUndefined();
  });
});

describe("isMemberLeaf", () => {
  it("accepts a concrete region of the member only", () => {
    expect(isMemberLeaf("440300", "440305")).toBe(true);
    expect(isMemberLeaf("440000", "441900")).toBe(true);
    expect(isMemberLeaf("440000", "440305")).toBe(false);
    expect(isMemberLeaf("440000", "440100")).toBe(false);
    expect(isMemberLeaf(CORPS_CODE, "659001")).toBe(true);
  });
});

describe("destinationRegionProblem", () => {
  it("accepts a concrete county of another member", () => {
    expect(destinationRegionProblem("440000", "440305")).toBeNull(); // 广东 → 深圳 南山
    expect(destinationRegionProblem("440300", "441900")).toBeNull(); // 深圳 → 东莞
    expect(destinationRegionProblem("440000", "110101", "110000")).toBeNull();
    expect(destinationRegionProblem("650000", "659001", CORPS_CODE)).toBeNull();
  });

  it.each([
    ["440000", "440106", undefined, "own_jurisdiction"], // 天河区 is 广东's own
    ["440300", "440303", undefined, "own_jurisdiction"],
    ["440000", "440000", undefined, "own_jurisdiction"],
    ["440000", "110101", "440000", "own_jurisdiction"],
    ["440000", "440100", "440000", "own_jurisdiction"],
    ["440300", "440100", undefined, "not_concrete"], // 广州市 itself: 本级
    ["440300", "440000", undefined, "not_concrete"], // 广东省 itself
    ["440000", "110100", undefined, "not_concrete"], // 北京 市辖区
    ["440000", "650000", undefined, "not_concrete"],
    ["440000", "440305", "110000", "not_in_destination"],
    ["440000", "659001", "650000", "not_in_destination"],
    ["440000", "810000", undefined, "no_member"],
    ["440000", "999999", undefined, "unknown_region"],
    ["440000", "130171", undefined, "unknown_region"],
  ])("from %s to %s (chosen %s): %s", (from, region, to, reason) => {
    const problem = destinationRegionProblem(from, region, to);
    expect(problem?.reason).toBe(reason);
    expect(problem?.message).toMatch(/^[\u4e00-\u9fff]/);
  });

  it("words the refusals", () => {
    expect(destinationRegionProblem("440000", "440106")?.message).toBe(
      "所选地区属于本平台的辖区（广东省），不能作为跨省调转的调入地",
    );
    expect(destinationRegionProblem("440300", "440100")?.message).toBe(
      "请选择到区县一级的具体地区，不能选择“直属”或“本级”",
    );
    expect(destinationRegionProblem("440000", "440305", "110000")?.message).toBe(
      "所选地区不属于北京市",
    );
  });

  it("throws for a platform that is no member", () => {
    expect(() => destinationRegionProblem("440100", "110101")).toThrow("不是全国平台的成员");
  });
});
