// The jurisdiction's selectable regions as plain data: cities, each with its counties (none for
// 东莞 441900 and 中山 442000, where the city itself is chosen). Built on the server from
// divisions.ts (`buildJurisdictionRegions`) and handed to the browser, so the 所属行政区划 picker
// and the 工作信息 schema run there without shipping the national division table (≈ 250 KB).
// No imports: safe in client components.

export interface RegionOption {
  code: string;
  name: string;
}

export interface CityOption extends RegionOption {
  /** County-level units; empty when the city has no county level (it is then the leaf). */
  counties: RegionOption[];
}

export interface JurisdictionRegions {
  /** Scope for sentences, e.g. "广东省内（除深圳）". */
  label: string;
  cities: CityOption[];
}

export type RegionPlace = "leaf" | "inside" | "outside";

/**
 * Where `code` sits: a selectable leaf, inside the jurisdiction but not a leaf (a city with
 * counties, or the province itself), or outside it (another province, an excluded city).
 */
export function regionPlace(regions: JurisdictionRegions, code: string): RegionPlace {
  for (const city of regions.cities) {
    if (city.code === code) return city.counties.length === 0 ? "leaf" : "inside";
    if (city.counties.some((c) => c.code === code)) return "leaf";
  }
  const provincePrefix = regions.cities[0]?.code.slice(0, 2);
  return provincePrefix && code === `${provincePrefix}0000` ? "inside" : "outside";
}

/** The city a leaf belongs to (the leaf itself for a city without counties), or undefined. */
export function cityOf(regions: JurisdictionRegions, code: string): CityOption | undefined {
  return regions.cities.find((c) => c.code === code || c.counties.some((k) => k.code === code));
}
