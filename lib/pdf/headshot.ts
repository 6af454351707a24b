import "server-only";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import type { Db } from "@/lib/db/client";
import { childLogger } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage/storage";
import type { ObjectStorage } from "@/lib/storage/types";
import { readableAttachment } from "@/lib/upload/attachment-service";

// The archive's 本人免冠证件照 for the PDF (issue 13, 9), read as 我的档案 shows it: the person's own
// attachment through the storage layer. Stored headshots are mozjpeg (progressive) at up to
// 590 × 826; the PDF gets a baseline JPEG at the one-inch photo's 295 × 413 — 300 dpi at
// 25 × 35 mm, all print needs, and a third of the bytes.

const log = childLogger({ component: "pdf" });

const WIDTH = 295;
const HEIGHT = 413;

/** The headshot as a JPEG for pdfkit, or null when the archive has none or it cannot be read. */
export async function headshotForPdf(
  db: Db,
  personId: string,
  headshotId: string | null | undefined,
  storage: ObjectStorage = getStorage(),
): Promise<Buffer | null> {
  if (!headshotId) return null;
  const row = await readableAttachment(db, headshotId, { type: "person", personId });
  if (!row) return null;
  // A store that fails or an object that no longer decodes costs the PDF its photo, not the PDF.
  try {
    const object = await storage.get(row.storageKey);
    if (!object) return null;
    const bytes = await buffer(object.body);
    return await sharp(bytes)
      .resize({ width: WIDTH, height: HEIGHT, fit: "cover", withoutEnlargement: true })
      .jpeg({ quality: 85, progressive: false })
      .toBuffer();
  } catch (e) {
    log.warn(
      { attachmentId: headshotId, err: e instanceof Error ? e.message : String(e) },
      "pdf headshot unreadable",
    );
    return null;
  }
}
