// Portal notices (通知公告). A notice is public once its publishedAt has passed.
import "server-only";
import { db } from "@/lib/db/client";

export interface NoticeSummary {
  id: string;
  title: string;
  publishedAt: Date;
  /** GB/T 2260 region of the publishing finance department. */
  regionCode: string;
}

export interface NoticeDetail extends NoticeSummary {
  /** Plain text; paragraphs separated by blank lines or newlines. Never rendered as HTML. */
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The newest published notices, newest first. `limit` is clamped to 1–100. */
export async function listPublishedNotices(
  limit = 10,
  now: Date = new Date(),
): Promise<NoticeSummary[]> {
  const take = Math.min(100, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 10)));
  return db.notice.findMany({
    where: { publishedAt: { lte: now } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, publishedAt: true, regionCode: true },
  });
}

/** One published notice, or null when the id is malformed, unknown or not yet published. */
export async function getPublishedNotice(
  id: string,
  now: Date = new Date(),
): Promise<NoticeDetail | null> {
  if (!UUID.test(id)) return null;
  return db.notice.findFirst({
    where: { id, publishedAt: { lte: now } },
    select: { id: true, title: true, body: true, publishedAt: true, regionCode: true },
  });
}
