import "server-only";
import { exchangeMember } from "@/lib/exchange/members";
import { getRegion, regionName } from "@/lib/region/divisions";

// How a 调出申请's destination is named, to the person and to staff alike.

/** e.g. 深圳市南山区; the Corps' counties are named with it (新疆生产建设兵团 石河子市). */
export function destinationName(member: string, regionCode: string): string {
  const name = regionName(regionCode, "") ?? regionCode;
  const m = exchangeMember(member);
  return m?.kind === "corps" ? `${m.name} ${getRegion(regionCode)?.name ?? name}` : name;
}
