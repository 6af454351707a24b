import "server-only";
import { generateStorageKey } from "@/lib/storage/key";

/**
 * Every accepted upload is re-encoded to JPEG (image-intake.ts), so every attachment is stored
 * as one, whatever the user's file was called or claimed to be.
 */
export const ATTACHMENT_CONTENT_TYPE = "image/jpeg";

/** Every attachment's object lives under it (object-sweep.ts lists it). */
export const ATTACHMENT_KEY_PREFIX = "attachments";

/**
 * A fresh key such as `attachments/2026/11/4f1c…e2.jpg`, made by the server for each stored
 * file. A random UUID (122 bits) makes it unguessable and never reused, so a key says nothing
 * about its owner and a replaced file never overwrites another; access is still checked when
 * the file is served.
 */
export function attachmentStorageKey(now: Date = new Date()): string {
  return generateStorageKey(ATTACHMENT_KEY_PREFIX, "jpg", now);
}
