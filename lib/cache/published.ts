import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { contentBlock, type ContentKey, type ContentText } from "@/lib/content/content-blocks";
import { db } from "@/lib/db/client";
import { allFinanceContacts, type FinanceContact } from "@/lib/help/finance-contacts";
import {
  getPublishedNotice,
  listPublishedNotices,
  type NoticeDetail,
  type NoticeSummary,
} from "@/lib/notice/notices";

// What finance staff publish — notices (通知公告) and content blocks — read through Next.js's data
// cache, so the pages built from it can be static: the portal and 通知公告 are rendered once and
// served from the cache until staff publish again. A publish action writes, then calls
// revalidateNotices() / revalidateContentBlocks(); the next request re-reads.
//
// The cache belongs to one server instance and lives in its memory (next.config.ts), so a server
// starts with nothing cached: what the demo seed (lib/seed/demo.ts) writes before the server
// starts needs no revalidation. Other instances, and a notice whose publishedAt lies ahead,
// catch up within PUBLISHED_MAX_AGE_SECONDS, as do the pages that read them.

export const NOTICES_TAG = "published:notices";
export const CONTENT_BLOCKS_TAG = "published:content-blocks";
export const FINANCE_CONTACTS_TAG = "published:finance-contacts";
export const PUBLISHED_MAX_AGE_SECONDS = 60;

/** After a notice is published, changed or withdrawn. Server actions and route handlers only. */
export function revalidateNotices(): void {
  // expire 0: the next request waits for the new list rather than being served the old one, so
  // the member of staff who published sees it at once.
  revalidateTag(NOTICES_TAG, { expire: 0 });
}

/** After a content block (e.g. 采集须知) is changed. Server actions and route handlers only. */
export function revalidateContentBlocks(): void {
  revalidateTag(CONTENT_BLOCKS_TAG, { expire: 0 });
}

/** After a finance office's contact (帮助 page) is changed. Server actions and route handlers only. */
export function revalidateFinanceContacts(): void {
  revalidateTag(FINANCE_CONTACTS_TAG, { expire: 0 });
}

// The data cache stores JSON: dates travel as ISO strings and are revived on the way out.
type Stored<T extends { publishedAt: Date }> = Omit<T, "publishedAt"> & { publishedAt: string };
const store = <T extends { publishedAt: Date }>(n: T): Stored<T> => ({
  ...n,
  publishedAt: n.publishedAt.toISOString(),
});
const revive = <T extends { publishedAt: Date }>(n: Stored<T>): T =>
  ({ ...n, publishedAt: new Date(n.publishedAt) }) as T;

const cachedNoticeList = unstable_cache(
  async (limit: number) => (await listPublishedNotices(limit)).map(store),
  ["published-notices"],
  { tags: [NOTICES_TAG], revalidate: PUBLISHED_MAX_AGE_SECONDS },
);

const cachedNotice = unstable_cache(
  async (id: string) => {
    const notice = await getPublishedNotice(id);
    return notice && store(notice);
  },
  ["published-notice"],
  { tags: [NOTICES_TAG], revalidate: PUBLISHED_MAX_AGE_SECONDS },
);

const cachedContentBlock = unstable_cache(
  (key: ContentKey, regionCode: string) => contentBlock(db, key, regionCode),
  ["content-block"],
  { tags: [CONTENT_BLOCKS_TAG], revalidate: PUBLISHED_MAX_AGE_SECONDS },
);

const cachedFinanceContacts = unstable_cache(() => allFinanceContacts(db), ["finance-contacts"], {
  tags: [FINANCE_CONTACTS_TAG],
  revalidate: PUBLISHED_MAX_AGE_SECONDS,
});

/** allFinanceContacts, cached: the 帮助 page is static. */
export function publishedFinanceContacts(): Promise<FinanceContact[]> {
  return cachedFinanceContacts();
}

/** listPublishedNotices, cached. */
export async function publishedNotices(limit: number): Promise<NoticeSummary[]> {
  return (await cachedNoticeList(limit)).map(revive);
}

/** getPublishedNotice, cached. */
export async function publishedNotice(id: string): Promise<NoticeDetail | null> {
  const stored = await cachedNotice(id);
  return stored && revive(stored);
}

/** contentBlock, cached. */
export function publishedContentBlock(
  key: ContentKey,
  regionCode: string,
): Promise<ContentText | null> {
  return cachedContentBlock(key, regionCode);
}

const shortLived = unstable_cache(async () => null, ["short-lived-render"], { revalidate: 1 });

/**
 * Marks the static page being rendered to be rendered again on the next request a second from
 * now, for a render that could not show what it should: during `next build` (no database, not
 * this deployment's environment) or when a read failed. The next request still gets this render
 * while the new one is made; a request that cannot wait would need a dynamic page.
 */
export async function renderAgainSoon(): Promise<void> {
  await shortLived();
}

/** `next build` prerendering pages: no database and not the deployment's environment. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
