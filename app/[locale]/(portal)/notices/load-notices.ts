import "server-only";
import { isBuildPhase, publishedNotices, renderAgainSoon } from "@/lib/cache/published";
import type { NoticeSummary } from "@/lib/notice/notices";

/**
 * The newest public notices for a static portal page, or null when they cannot be read: `next
 * build` has no database, and the portal (login, registration) must stay usable when notices fail;
 * either way the render is replaced on a request a second later.
 */
export async function loadPublicNotices(limit: number): Promise<NoticeSummary[] | null> {
  if (isBuildPhase()) return null;
  try {
    return await publishedNotices(limit);
  } catch (error) {
    console.error("通知公告加载失败", error);
    await renderAgainSoon();
    return null;
  }
}
