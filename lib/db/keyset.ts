// One page of a keyset-paginated list (never OFFSET): the query asks for `size + 1` rows after the
// previous page's last id; the extra row only says there is a next page.

import "server-only";

export interface KeysetPage<T> {
  rows: T[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The Prisma arguments for the page after `after` (an id the list handed out, or nothing). */
export function keysetArgs(
  after: string | null | undefined,
  size: number,
  isId: (v: string) => boolean,
) {
  return {
    take: size + 1,
    ...(after && isId(after) ? { cursor: { id: after }, skip: 1 } : {}),
  };
}

export function keysetPage<T extends { id: string }>(rows: T[], size: number): KeysetPage<T> {
  const page = rows.slice(0, size);
  return { rows: page, nextCursor: rows.length > size ? page[page.length - 1]!.id : null };
}
