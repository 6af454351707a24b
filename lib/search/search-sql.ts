import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";
import { ceRecordsFromYear } from "@/lib/jurisdiction/ce-records";
import { regionScopePrefix, type StaffScope } from "@/lib/region/scope";
import { decodeCursor, encodeCursor, NOT_COLLECTED_KEY, type SearchCursor } from "./cursor";
import { nameQuery } from "./name-keys";
import { type SearchFilter, sortOf } from "./search-filter";

// 人员查询 as SQL over the PersonSearch projection (never the archive's JSON), shared by the page
// and the export. Every condition is one an index serves (migration search_indexes, README
// 人员查询的索引): region scopes as code ranges, name keys as prefix LIKE under COLLATE "C", the
// qualifications array by GIN, a year's 继续教育 by the CeYearTotal primary key. Pages are keyset
// pages: the sort key and the person id of the last row, never OFFSET.

/** A row of the result list: masked number only, nothing decrypted. */
export interface SearchRow {
  personId: string;
  name: string;
  idNumberMasked: string;
  regionCode: string;
  employmentStatus: string | null;
  qualifications: string[];
  qualificationLevel: string | null;
  highEndTalent: boolean;
  collectionStatus: string;
  archiveNumber: string | null;
  transferState: string | null;
  namePinyin: string;
  registeredAt: Date;
  collectedAt: Date | null;
}

/** The SELECT list of SearchRow, for the page and the export's stream. */
export const SEARCH_COLUMNS = Prisma.sql`p."personId"::text AS "personId", p.name,
  p."idNumberMasked", p."regionCode", p."employmentStatus", p.qualifications,
  p."qualificationLevel", p."highEndTalent", p."collectionStatus", p."archiveNumber",
  p."transferState", p."namePinyin", p."registeredAt", p."collectedAt"`;

/** "4401" → regionCode >= '4401' AND regionCode < '4402': a btree range in any collation. */
function prefixRange(prefix: string): Prisma.Sql {
  if (prefix.length === 6) return Prisma.sql`p."regionCode" = ${prefix}`;
  const next = String(Number(prefix) + 1).padStart(prefix.length, "0");
  return Prisma.sql`(p."regionCode" >= ${prefix} AND p."regionCode" < ${next})`;
}

/** The staff member's regions; a scope without a valid code matches nothing. */
export function scopeSql(scope: StaffScope): Prisma.Sql {
  const prefixes = scope.regionCodes.map(regionScopePrefix).filter((p): p is string => p !== null);
  if (prefixes.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(${Prisma.join(prefixes.map(prefixRange), " OR ")})`;
}

/** LIKE's own characters in typed text match themselves. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function nameSql(q: string): Prisma.Sql | null {
  const query = nameQuery(q);
  if (!query) return null;
  const pattern = likePrefix(query.value);
  // The first character too (the LIKE implies it): the index of first character and pinyin then
  // walks a surname's people in pinyin order, where walking everyone's pinyin for "张…" read 1.7 M
  // rows before the first 张 (README 人员查询的索引).
  if (query.kind === "name") {
    const first = [...query.value][0]!;
    return Prisma.sql`(left(p.name, 1) = ${first} AND p.name COLLATE "C" LIKE ${pattern})`;
  }
  // Letters are full pinyin ("zhangs") or initials ("zs"): either may be meant.
  return Prisma.sql`(p."namePinyin" COLLATE "C" LIKE ${pattern}
    OR p."nameInitials" COLLATE "C" LIKE ${pattern})`;
}

/**
 * Two or more letters as the two conditions of nameSql's OR, each one an index can walk in 姓名
 * order: the pinyin prefix on the pinyin index, and the initials prefix on the index of
 * (first two initials, pinyin, …), whose equality on the first two letters leaves it in pinyin
 * order. A single letter needs no second walk: the first initial is the pinyin's first letter.
 */
function letterBranches(q: string | undefined): [Prisma.Sql, Prisma.Sql] | null {
  const query = q ? nameQuery(q) : null;
  if (query?.kind !== "pinyin" || query.value.length < 2) return null;
  const pattern = likePrefix(query.value);
  return [
    Prisma.sql`p."namePinyin" COLLATE "C" LIKE ${pattern}`,
    Prisma.sql`left(p."nameInitials", 2) = ${query.value.slice(0, 2)}
      AND p."nameInitials" COLLATE "C" LIKE ${pattern}`,
  ];
}

function qualificationSql(filter: SearchFilter): Prisma.Sql | null {
  const { qualificationType: type, qualificationLevel: level } = filter;
  if (!type && !level) return null;
  const types = type ? [type] : QUALIFICATION_TYPES.codes;
  const levels = level ? [level] : QUALIFICATION_LEVELS.codes;
  const held = types.flatMap((t) => levels.map((l) => `${t}:${l}`));
  return Prisma.sql`p.qualifications && ${held}::text[]`;
}

/**
 * A year's 继续教育 as lib/ce/year-status.ts states it, from PersonSearch alone: a year before the
 * obligation start (or without any) is 无须参加 — neither 已完成 nor 未完成; an obliged year is
 * 已完成 when its totals met the thresholds (ceCompletedYears, kept with CeYearTotal), 未完成
 * otherwise (no CeYearTotal row: nothing earned) — except in a year before the platform's records
 * begin (lib/jurisdiction/ce-records.ts), which is 无记录 and finds nobody 未完成. 有在途未完成数据
 * is a pending record that year.
 */
function ceSql(filter: SearchFilter): Prisma.Sql | null {
  const { ceYear: year, ceStatus: status } = filter;
  if (year === undefined || status === undefined) return null;
  if (status === "incomplete" && year < ceRecordsFromYear()) return Prisma.sql`FALSE`;
  if (status === "pending") {
    return Prisma.sql`EXISTS (SELECT 1 FROM "CeYearTotal" c
      WHERE c."personId" = p."personId" AND c.year = ${year} AND c.pending > 0)`;
  }
  const completed = Prisma.sql`p."ceCompletedYears" @> ARRAY[${year}::int]`;
  return Prisma.sql`p."ceObligationStart" <= ${year}
    AND ${status === "complete" ? completed : Prisma.sql`NOT ${completed}`}`;
}

/**
 * The search's WHERE: the staff member's scope always, then every filter given; `name` replaces
 * the name condition (one branch of letterBranches).
 */
export function searchWhere(
  filter: SearchFilter,
  scope: StaffScope,
  name: Prisma.Sql | null = filter.q ? nameSql(filter.q) : null,
): Prisma.Sql {
  const parts: (Prisma.Sql | null)[] = [
    scopeSql(scope),
    filter.region ? prefixRange(regionScopePrefix(filter.region) ?? filter.region) : null,
    name,
    filter.employmentStatus ? Prisma.sql`p."employmentStatus" = ${filter.employmentStatus}` : null,
    qualificationSql(filter),
    filter.highEndTalent ? Prisma.sql`p."highEndTalent" = ${filter.highEndTalent === "yes"}` : null,
    filter.collectionStatus ? Prisma.sql`p."collectionStatus" = ${filter.collectionStatus}` : null,
    ceSql(filter),
    filter.transferState === "none"
      ? Prisma.sql`p."transferState" IS NULL`
      : filter.transferState
        ? Prisma.sql`p."transferState" = ${filter.transferState}`
        : null,
  ];
  return Prisma.join(
    parts.filter((s): s is Prisma.Sql => s !== null),
    " AND ",
  );
}

/**
 * The sort key as an expression the indexes hold: pinyin under COLLATE "C" (byte order, the same
 * in every database), or a timestamp where 未采集 (no collectedAt) counts as the earliest.
 */
function sortKeySql(filter: SearchFilter): Prisma.Sql {
  const { sort } = sortOf(filter);
  if (sort === "name") return Prisma.sql`p."namePinyin" COLLATE "C"`;
  if (sort === "registeredAt") return Prisma.sql`p."registeredAt"`;
  return Prisma.sql`COALESCE(p."collectedAt", '-infinity'::timestamptz)`;
}

/** The column sortKeySql reads. */
function sortColumnSql(filter: SearchFilter): Prisma.Sql {
  const { sort } = sortOf(filter);
  if (sort === "name") return Prisma.sql`p."namePinyin"`;
  if (sort === "registeredAt") return Prisma.sql`p."registeredAt"`;
  return Prisma.sql`p."collectedAt"`;
}

/** The key value of a cursor, typed as its column. */
function cursorKeySql(c: SearchCursor): Prisma.Sql {
  return c.sort === "name" ? Prisma.sql`${c.key}::text` : Prisma.sql`${c.key}::timestamptz`;
}

export function keyOf(row: SearchRow, filter: SearchFilter): string {
  const { sort } = sortOf(filter);
  if (sort === "name") return row.namePinyin;
  if (sort === "registeredAt") return row.registeredAt.toISOString();
  return row.collectedAt?.toISOString() ?? NOT_COLLECTED_KEY;
}

/** ORDER BY of the search (ascending or descending, the person id breaking ties). */
export function searchOrderBy(filter: SearchFilter, reverse = false): Prisma.Sql {
  const { order } = sortOf(filter);
  const dir = Prisma.raw((order === "desc") !== reverse ? "DESC" : "ASC");
  return Prisma.sql`${sortKeySql(filter)} ${dir}, p."personId" ${dir}`;
}

/**
 * Rows strictly after (or before) the cursor's row in the sort order. Written as key ≥ k AND
 * (key > k OR id > i) rather than the row comparison (key, id) > (k, i): PostgreSQL 15 starts a
 * btree scan at a row comparison's bound even when a prefix LIKE on the same column gives a later
 * one, and then walks every row in between (README 人员查询的索引).
 */
export function keysetSql(filter: SearchFilter, c: SearchCursor): Prisma.Sql {
  const forward = c.direction === "next";
  const greater = (c.order === "asc") === forward;
  const [op, opEq] = greater
    ? [Prisma.raw(">"), Prisma.raw(">=")]
    : [Prisma.raw("<"), Prisma.raw("<=")];
  const key = sortKeySql(filter);
  const value = cursorKeySql(c);
  return Prisma.sql`(${key} ${opEq} ${value}
    AND (${key} ${op} ${value} OR p."personId" ${op} ${c.personId}::uuid))`;
}

export interface SearchPage {
  rows: SearchRow[];
  /** Cursor of 下一页, or null on the last page. */
  next: string | null;
  /** Cursor of 上一页, or null on the first page. */
  prev: string | null;
}

export const BAD_CURSOR = "翻页参数无效，请重新查询";

/** The cursor a filter carries, decoded for its sort: undefined none, null malformed. */
export function filterCursor(filter: SearchFilter): SearchCursor | null | undefined {
  return filter.cursor === undefined ? undefined : decodeCursor(filter.cursor, sortOf(filter));
}

/**
 * The search's rows after `keyset`, in `order`, at most `limit`, as `SELECT p.*`. Letters are
 * two ordered walks (letterBranches), each stopping after `limit` rows, merged: an OR of both
 * prefixes cannot be walked in pinyin order, and sorting every "zs…" of a province took seconds.
 */
function orderedRowsSql(
  filter: SearchFilter,
  scope: StaffScope,
  keyset: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
): Prisma.Sql {
  const branches = letterBranches(filter.q);
  if (!branches) {
    return Prisma.sql`SELECT p.* FROM "PersonSearch" p
      WHERE ${searchWhere(filter, scope)} AND ${keyset} ORDER BY ${order} LIMIT ${limit}`;
  }
  // Each walk reads keys only (the id and the sort column), which both of the initials' indexes
  // hold: whichever the planner picks — it misjudges how many "cjx" there are among "cj" — no
  // match costs a heap page. Only the merged page's rows are fetched.
  const keys = (name: Prisma.Sql) => Prisma.sql`SELECT p."personId", ${sortColumnSql(filter)}
    FROM "PersonSearch" p WHERE ${searchWhere(filter, scope, name)} AND ${keyset}
    ORDER BY ${order} LIMIT ${limit}`;
  return Prisma.sql`SELECT p.* FROM (
      SELECT p."personId" FROM ((${keys(branches[0])}) UNION (${keys(branches[1])})) p
      ORDER BY ${order} LIMIT ${limit}) k
    JOIN "PersonSearch" p ON p."personId" = k."personId"`;
}

/**
 * The export's batch: `limit` rows after the cursor (or from the start) in the search's order,
 * with `columns` of PersonSearch p (and of `join`).
 */
export function searchBatchSql(
  filter: SearchFilter,
  scope: StaffScope,
  after: SearchCursor | null,
  limit: number,
  columns: Prisma.Sql,
  join: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  const keyset = after ? keysetSql(filter, after) : Prisma.sql`TRUE`;
  const order = searchOrderBy(filter);
  return Prisma.sql`SELECT ${columns} FROM (${orderedRowsSql(filter, scope, keyset, order, limit)}) p
    ${join} ORDER BY ${order}`;
}

/**
 * The page's statement: `limit` rows after (or before) the cursor, in the sort order. `few`: the
 * filter is known to match only a few thousand rows (the bounded count said so), so they are
 * gathered first through the filter's own indexes and sorted in memory — otherwise PostgreSQL
 * may walk a sort index through millions of rows looking for rare matches (README 人员查询的索引).
 * Letters are the exception (below).
 */
export function searchPageSql(
  filter: SearchFilter,
  cursor: SearchCursor | undefined,
  scope: StaffScope,
  limit: number,
  few = false,
): Prisma.Sql {
  const keyset = cursor ? keysetSql(filter, cursor) : Prisma.sql`TRUE`;
  const order = searchOrderBy(filter, cursor?.direction === "prev");
  // Letters are walked even when few match: each walk reads its index in order and stops after
  // a page, where gathering them first fetched a random heap page per match.
  // Only the keys are gathered (the id and the sort column, which the name index covers: no heap
  // read per match), the page's rows are then fetched by id.
  if (few && !letterBranches(filter.q)) {
    return Prisma.sql`WITH m AS MATERIALIZED (
        SELECT p."personId", ${sortColumnSql(filter)} FROM "PersonSearch" p
        WHERE ${searchWhere(filter, scope)}),
      k AS (SELECT p."personId" FROM m p WHERE ${keyset} ORDER BY ${order} LIMIT ${limit})
      SELECT ${SEARCH_COLUMNS} FROM k JOIN "PersonSearch" p ON p."personId" = k."personId"
      ORDER BY ${order}`;
  }
  return Prisma.sql`SELECT ${SEARCH_COLUMNS}
    FROM (${orderedRowsSql(filter, scope, keyset, order, limit)}) p ORDER BY ${order}`;
}

/**
 * One page of the search: `size` rows in the sort order, from the filter's cursor (or the start).
 * A cursor that does not decode for this sort is refused, not silently taken as page one.
 * `thresholds` is unused since 继续教育 is read from ceCompletedYears (written with the
 * thresholds); it stays only while search-service.ts still passes it positionally.
 */
export async function searchPage(
  db: Db | Tx,
  filter: SearchFilter,
  scope: StaffScope,
  size: number,
  few = false,
): Promise<{ ok: true; page: SearchPage } | { ok: false; message: string }> {
  const cursor = filterCursor(filter);
  if (cursor === null) return { ok: false, message: BAD_CURSOR };
  const backward = cursor?.direction === "prev";
  const fetched = await db.$queryRaw<SearchRow[]>(
    searchPageSql(filter, cursor, scope, size + 1, few),
  );
  const more = fetched.length > size;
  // Back at the start: page one in full, exactly as without a cursor (not a short first page).
  if (backward && !more) {
    return searchPage(db, { ...filter, cursor: undefined }, scope, size, few);
  }
  const rows = fetched.slice(0, size);
  if (backward) rows.reverse();
  const sorting = sortOf(filter);
  const at = (row: SearchRow | undefined, direction: "next" | "prev") =>
    row
      ? encodeCursor({ ...sorting, direction, key: keyOf(row, filter), personId: row.personId })
      : null;
  // Going forward, a next page exists when a row beyond the page came back, a previous one when
  // we came from a cursor; going back, the other way round.
  const hasNext = backward ? true : more;
  const hasPrev = backward ? more : cursor !== undefined;
  return {
    ok: true,
    page: {
      rows,
      next: hasNext ? at(rows.at(-1), "next") : null,
      prev: hasPrev ? at(rows[0], "prev") : null,
    },
  };
}

/**
 * Counts matches up to bound + 1 (the statement of searchCount). Letters count the two walks'
 * people, bound + 1 of each at most, as a UNION: the initials one reads only its index (no
 * heap), where a BitmapOr of both fetched a random heap page per match (0.3–0.7 s cold).
 */
export function searchCountSql(filter: SearchFilter, scope: StaffScope, bound: number): Prisma.Sql {
  const matches = (name?: Prisma.Sql) => Prisma.sql`SELECT p."personId" FROM "PersonSearch" p
    WHERE ${searchWhere(filter, scope, name)} LIMIT ${bound + 1}`;
  const branches = letterBranches(filter.q);
  const rows = branches
    ? Prisma.sql`(${matches(branches[0])}) UNION (${matches(branches[1])})`
    : matches();
  return Prisma.sql`SELECT count(*)::int AS n FROM (${rows}) t`;
}

/**
 * How many people match, counted up to `bound`: { count, more } where `more` means "超过 bound 条".
 * Reads at most bound + 1 matching rows, so a province-wide search never counts two million.
 */
export async function searchCount(
  db: Db | Tx,
  filter: SearchFilter,
  scope: StaffScope,
  bound: number,
): Promise<{ count: number; more: boolean }> {
  const rows = await db.$queryRaw<{ n: number }[]>(searchCountSql(filter, scope, bound));
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, bound), more: n > bound };
}
