import "server-only";
import type { Db } from "@/lib/db/client";
import { auditInsertSql, type RequestContext } from "@/lib/audit/audit";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { ownRegionCode, regionScopePrefix, regionWithin } from "@/lib/region/scope";
import { type SearchFilter, searchFilterForRecord } from "./search-filter";
import { searchCount, type SearchPage, searchPage } from "./search-sql";

// 人员查询 for finance staff: one page of their region's people and how many match, and the
// search on the audit record (a list of people is personal data read). The count is bounded:
// exact up to SEARCH_COUNT_BOUND, "超过 N 条" beyond, so no page view counts two million rows.

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_COUNT_BOUND = 2000;

export interface PeopleSearchResult {
  page: SearchPage;
  /** Matches counted up to SEARCH_COUNT_BOUND; `more`: there are more than that. */
  total: { count: number; more: boolean };
}

/**
 * The region the search's audit row is filed under: the requested one when it lies within the
 * staff member's scope, else their own office's — so a probe of a sibling's region never lands in
 * that sibling's 操作日志 (the search itself finds nobody there: searchWhere keeps to the scope).
 */
function auditRegion(actor: StaffActor, region: string | undefined): string | null {
  const prefix = region ? regionScopePrefix(region) : null;
  if (prefix && regionWithin(prefix.padEnd(6, "0"), actor.regionCodes))
    return prefix.padEnd(6, "0");
  return ownRegionCode(actor);
}

export async function searchPeople(
  db: Db,
  ctx: RequestContext,
  actor: StaffActor,
  filter: SearchFilter,
  options: { size?: number; bound?: number } = {},
): Promise<
  { ok: true; result: PeopleSearchResult } | { ok: false; reason?: "role"; message: string }
> {
  if (!holdsAny(actor, ["archive-read"])) return ROLE_REFUSAL;
  const scope = actor;
  const { size = SEARCH_PAGE_SIZE, bound = SEARCH_COUNT_BOUND } = options;
  // Counted first: a search matching at most `bound` people is paged from those rows alone.
  const total = await searchCount(db, filter, scope, bound);
  const found = await searchPage(db, filter, scope, size, !total.more);
  if (!found.ok) return found;
  // One autocommitted INSERT: a transaction's BEGIN and COMMIT would double the round trips
  // of the audit row, which every page view writes.
  await db.$executeRaw(
    auditInsertSql(ctx, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "staff.person-search",
      outcome: "success",
      regionCode: auditRegion(actor, filter.region),
      details: {
        filter: searchFilterForRecord(filter),
        rows: found.page.rows.length,
        paged: filter.cursor !== undefined,
      },
    }),
  );
  return { ok: true, result: { page: found.page, total } };
}
