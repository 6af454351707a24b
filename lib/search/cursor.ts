import * as z from "zod/mini";
import type { SearchSort, SortOrder } from "./search-filter";

// 人员查询's page cursor: the last row's sort key and id (keyset paging — a page costs the same at
// row 50 as at row 1,000,000, where OFFSET would read and discard every row before it), opaque to
// the browser as base64url JSON. It names the sort it was made for and the paging direction; a
// cursor edited by hand, or one of another sort, decodes to null and the page says so.

export type PageDirection = "next" | "prev";

export interface SearchCursor {
  sort: SearchSort;
  order: SortOrder;
  /** next: rows after the key in the sort order; prev: rows before it (上一页). */
  direction: PageDirection;
  /** The sort key of the row: namePinyin, or a timestamp as ISO 8601 ("-infinity" 未采集). */
  key: string;
  personId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** For the collectedAt sort: someone not collected sorts before every date. */
export const NOT_COLLECTED_KEY = "-infinity";

const wire = z.tuple([
  z.literal(1),
  z.enum(["name", "registeredAt", "collectedAt"]),
  z.enum(["asc", "desc"]),
  z.enum(["next", "prev"]),
  z.string().check(z.maxLength(1200)),
  z.string().check(z.regex(UUID)),
]);

function keyFits(sort: SearchSort, key: string): boolean {
  // A pinyin key is bound as a parameter, never spliced: any text is safe.
  if (sort === "name") return true;
  if (key === NOT_COLLECTED_KEY) return sort === "collectedAt";
  return ISO.test(key) && !Number.isNaN(Date.parse(key));
}

export function encodeCursor(c: SearchCursor): string {
  const tuple = [1, c.sort, c.order, c.direction, c.key, c.personId];
  return Buffer.from(JSON.stringify(tuple), "utf8").toString("base64url");
}

/** The cursor, or null when it is malformed or was made for another sort than `expected`. */
export function decodeCursor(
  raw: string,
  expected: { sort: SearchSort; order: SortOrder },
): SearchCursor | null {
  if (!/^[A-Za-z0-9_-]{1,1200}$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const r = z.safeParse(wire, json);
  if (!r.success) return null;
  const [, sort, order, direction, key, personId] = r.data;
  if (sort !== expected.sort || order !== expected.order || !keyFits(sort, key)) return null;
  return { sort, order, direction, key, personId };
}
