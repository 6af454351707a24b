import type { z } from "zod";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import type { CollectionContext } from "./rules";

// Shared by the collection's unit tests only.

/** A person born 1990-05-17 (居民身份证), today 2026-11-27, on the default Guangdong platform. */
export const TEST_CONTEXT: CollectionContext = {
  today: "2026-11-27",
  documentType: "RESIDENT_ID",
  birthDate: "1990-05-17",
  nationality: "CHN",
  regions: buildJurisdictionRegions(jurisdictionFromEnv({})),
};

/** A parse result's messages keyed by dotted path ("fullTime.0.graduatedOn"); {} on success. */
export function issuesByPath(r: z.ZodSafeParseResult<unknown>): Record<string, string> {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}
