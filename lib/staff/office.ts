import { getRegion } from "@/lib/region/divisions";
import { getJurisdiction } from "@/lib/jurisdiction/config";

/**
 * The finance department a region's staff work for, as pages and certificates name it: the
 * jurisdiction's own host (广东省财政厅), else "<region>财政局" (广州市财政局, 天河区财政局).
 */
export function financeOfficeName(regionCode: string): string {
  const jurisdiction = getJurisdiction();
  if (regionCode === jurisdiction.code) return jurisdiction.hostOrganisation;
  const region = getRegion(regionCode);
  return region ? `${region.name}财政局` : `${regionCode}财政部门`;
}
