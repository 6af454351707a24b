/**
 * Streams a stored object as a route-handler `Response`.
 *
 * Access checks are the caller's job: call this only after deciding that the current user may
 * see this object. The key must come from our own records, never from the request.
 *
 * Headers: `Cache-Control: no-store` (personal documents must not sit in shared or browser
 * caches), `X-Content-Type-Options: nosniff`, the stored Content-Type, and a
 * Content-Disposition that is `attachment` when asked for or when the type is not safe to
 * render in place (see isInlineSafe).
 */
import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "./content-disposition";
import { isInlineSafe } from "./content-type";
import { getStorage } from "./storage";
import type { ObjectStorage } from "./types";

export interface StorageResponseOptions {
  /** Suggested download name, e.g. "调入材料.pdf". */
  filename?: string;
  /** Save instead of display. */
  download?: boolean;
  /** Defaults to getStorage(); tests pass their own. */
  storage?: ObjectStorage;
}

const COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

export async function storageResponse(
  key: string,
  options: StorageResponseOptions = {},
): Promise<Response> {
  const storage = options.storage ?? getStorage();
  const object = await storage.get(key);
  if (!object) {
    return new Response("文件不存在", {
      status: 404,
      headers: { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const inline = !options.download && isInlineSafe(object.contentType);
  const headers = new Headers({
    ...COMMON_HEADERS,
    "Content-Type": object.contentType,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", options.filename),
  });
  if (object.contentLength !== undefined)
    headers.set("Content-Length", String(object.contentLength));
  // Readable.toWeb cancels (destroys) the file or S3 stream when the client goes away.
  const body = Readable.toWeb(object.body) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
