import "server-only";
import { keysetArgs, keysetPage } from "@/lib/db/keyset";
import { isUuid } from "@/lib/utils/uuid";

// One page of a console review queue (学分认定, 账号申诉, 调出审核, 调入审核): 20 rows in the order
// the records arrived — oldest first while they wait (nobody waits longest), newest first once
// decided — keyset-paged on the id, with the state's total for the tab.

const PAGE_SIZE = 20;

export interface QueuePage<R> {
  rows: R[];
  total: number;
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** What a reviewer without the queue's role sees. */
export const EMPTY_QUEUE: QueuePage<never> = { rows: [], total: 0, nextCursor: null };

type Order = "asc" | "desc";

/**
 * `find` runs the model's findMany with the arguments given (order, page size, cursor) and its
 * own where and select; `count` counts the same where. `by` is the arrival time's column.
 */
export async function queuePage<K extends string, T extends { id: string }, R>(q: {
  by: K;
  oldestFirst: boolean;
  after: string | null | undefined;
  find: (page: {
    orderBy: [Record<K, Order>, { id: Order }];
    take: number;
    cursor?: { id: string };
    skip?: number;
  }) => Promise<T[]>;
  count: () => Promise<number>;
  row: (r: T) => R;
}): Promise<QueuePage<R>> {
  const order: Order = q.oldestFirst ? "asc" : "desc";
  const orderBy: [Record<K, Order>, { id: Order }] = [
    { [q.by]: order } as Record<K, Order>,
    { id: order },
  ];
  const [rows, total] = await Promise.all([
    q.find({ orderBy, ...keysetArgs(q.after, PAGE_SIZE, isUuid) }),
    q.count(),
  ]);
  const page = keysetPage(rows, PAGE_SIZE);
  return { rows: page.rows.map(q.row), total, nextCursor: page.nextCursor };
}
