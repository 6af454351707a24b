import type { Db } from "@/lib/db/client";

// Texts finance staff maintain (ContentBlock). The most specific text for a region wins: a
// county's own, else its city's, else the province's (or the jurisdiction's, for 深圳), else the
// platform default stored under region 000000 by migration, so a fresh deployment always has one.

export const DEFAULT_CONTENT_REGION = "000000";

export type ContentKey = "collection-notice";

export interface ContentText {
  title: string;
  /** Plain text; one paragraph per line. */
  paragraphs: string[];
}

export interface AppliedContent extends ContentText {
  /** The region whose text this is (DEFAULT_CONTENT_REGION for the platform's). */
  regionCode: string;
}

/** The GB/T 2260 codes whose text applies to `regionCode`, most specific first. */
export function contentRegionChain(regionCode: string): string[] {
  if (!/^\d{6}$/.test(regionCode) || regionCode === DEFAULT_CONTENT_REGION) {
    return [DEFAULT_CONTENT_REGION];
  }
  const chain = [
    regionCode,
    `${regionCode.slice(0, 4)}00`,
    `${regionCode.slice(0, 2)}0000`,
    DEFAULT_CONTENT_REGION,
  ];
  return [...new Set(chain)];
}

/** Plain text as the pages show it: one paragraph per non-empty line. */
export function contentParagraphs(body: string): string[] {
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The text that applies to `regionCode` (one query over its chain), or null if none at all. */
export async function contentBlock(
  db: Db,
  key: ContentKey,
  regionCode: string,
): Promise<ContentText | null> {
  const applied = await appliedContentBlock(db, key, regionCode);
  return applied && { title: applied.title, paragraphs: applied.paragraphs };
}

/** contentBlock and whose text it is. */
export async function appliedContentBlock(
  db: Db,
  key: ContentKey,
  regionCode: string,
): Promise<AppliedContent | null> {
  const chain = contentRegionChain(regionCode);
  const rows = await db.contentBlock.findMany({
    where: { key, regionCode: { in: chain } },
    select: { regionCode: true, title: true, body: true },
  });
  const row = chain.map((code) => rows.find((r) => r.regionCode === code)).find(Boolean);
  if (!row) return null;
  return { title: row.title, paragraphs: contentParagraphs(row.body), regionCode: row.regionCode };
}
