// Portal notices (通知公告): public once published, their time come, and not withdrawn
// (notice-states.ts isPublic, as a where clause). Shown to everybody, whatever region published them.
import "server-only";
import { db } from "@/lib/db/client";
import { noticeBodyForDisplay } from "./sanitise";

export interface NoticeSummary {
  id: string;
  title: string;
  publishedAt: Date;
  /** GB/T 2260 region of the publishing finance department. */
  regionCode: string;
}

export interface NoticeDetail extends NoticeSummary {
  /** The body as sanitised HTML (sanitise.ts), for dangerouslySetInnerHTML. */
  html: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const publicWhere = (now: Date) =>
  ({ status: "published", publishedAt: { lte: now }, withdrawnAt: null }) as const;

/** The newest public notices, newest first. `limit` is clamped to 1–100. */
export async function listPublishedNotices(
  limit = 10,
  now: Date = new Date(),
): Promise<NoticeSummary[]> {
  const take = Math.min(100, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 10)));
  const rows = await db.notice.findMany({
    where: publicWhere(now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, publishedAt: true, regionCode: true },
  });
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** One public notice, or null when the id is malformed, unknown, not yet public or withdrawn. */
export async function getPublishedNotice(
  id: string,
  now: Date = new Date(),
): Promise<NoticeDetail | null> {
  if (!UUID.test(id)) return null;
  const row = await db.notice.findFirst({
    where: { id, ...publicWhere(now) },
    select: { id: true, title: true, body: true, publishedAt: true, regionCode: true },
  });
  if (!row) return null;
  const { body, publishedAt, ...rest } = row;
  return { ...rest, publishedAt: publishedAt!, html: noticeBodyForDisplay(body) };
}
