import "server-only";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { financeOfficeName } from "./office";

// The offices (finance departments) an account may belong to, as far as one 管理员 may choose:
// their own and those below, grouped by city for the 所属单位 picker and the list's filter.
// Plain data for the browser, built from the jurisdiction's own region table.

export interface OfficeOption {
  code: string;
  name: string;
}

export interface OfficeGroup {
  label: string;
  offices: OfficeOption[];
}

export function officeGroups(adminRegionCode: string): OfficeGroup[] {
  const j = getJurisdiction();
  const office = (code: string) => ({ code, name: financeOfficeName(code) });
  const all: OfficeGroup[] = [
    { label: "省级", offices: [office(j.code)] },
    ...buildJurisdictionRegions().cities.map((city) => ({
      label: city.name,
      offices: [office(city.code), ...city.counties.map((c) => office(c.code))],
    })),
  ];
  return all
    .map((g) => ({
      ...g,
      offices: g.offices.filter((o) => regionWithin(o.code, [adminRegionCode])),
    }))
    .filter((g) => g.offices.length > 0);
}
