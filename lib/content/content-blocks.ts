import type { Db } from "@/lib/db/client";

// Texts finance staff maintain (ContentBlock). A jurisdiction's own text wins over the platform
// default stored under region 000000 by migration, so a fresh deployment always has one.

export const DEFAULT_CONTENT_REGION = "000000";

export type ContentKey = "collection-notice";

export interface ContentText {
  title: string;
  /** Plain text; one paragraph per line. */
  paragraphs: string[];
}

export async function contentBlock(
  db: Db,
  key: ContentKey,
  regionCode: string,
): Promise<ContentText | null> {
  const rows = await db.contentBlock.findMany({
    where: { key, regionCode: { in: [regionCode, DEFAULT_CONTENT_REGION] } },
    select: { regionCode: true, title: true, body: true },
  });
  const row = rows.find((r) => r.regionCode === regionCode) ?? rows[0];
  if (!row) return null;
  return {
    title: row.title,
    paragraphs: row.body
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}
