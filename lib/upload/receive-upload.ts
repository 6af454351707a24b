import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import type { SessionPerson } from "@/lib/account/session-service";
import type { ObjectStorage } from "@/lib/storage/types";
import { storeUpload } from "./attachment-service";
import type { UploadKind } from "./kinds";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "./limits";
import { admitUpload } from "./upload-gate";

// POST /api/attachments after its session and origin checks: admitted first (upload-gate.ts),
// then at most 5 MB of body read, then checked and stored (attachment-service.ts). The answer
// carries the HTTP status the route sends.

export const UPLOAD_INTERRUPTED = "上传中断，请重试";
export const UPLOAD_TOO_SLOW = "上传超时，请在网络较好时重试，或换一张较小的图片";

/**
 * How long a body may take: 5 MB over a slow mobile link (~1 Mbit/s) in under a minute. A body
 * trickled slower holds one of the instance's few upload slots (upload-gate.ts) for nobody.
 */
function readDeadlineMs(): number {
  const seconds = Number(process.env.KUAIJI_UPLOAD_READ_SECONDS ?? 60);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

export type ReceivedUpload =
  | { ok: true; attachmentId: string; width: number; height: number }
  | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export async function receiveUpload(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  session: SessionPerson,
  kind: UploadKind,
  body: ReadableStream<Uint8Array> | null,
): Promise<ReceivedUpload> {
  const admission = await admitUpload(db, ctx, session.personId, kind);
  if (!admission.ok) {
    await body?.cancel().catch(() => {});
    return admission;
  }
  try {
    const read = await readUploadBody(body);
    if (!read.ok) return read;
    const r = await storeUpload(db, storage, ctx, session, { kind, bytes: read.bytes });
    if (!r.ok) return { ok: false, status: 422, message: r.message };
    return { ok: true, attachmentId: r.attachmentId, width: r.width, height: r.height };
  } finally {
    admission.release();
  }
}

/**
 * An admitted upload's body, at most 5 MB and within the deadline, or the refusal the route
 * sends. Also the intake of 账号申诉's photos (lib/appeal/photo.ts), whose sender has no session.
 */
export async function readUploadBody(
  body: ReadableStream<Uint8Array> | null,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; status: number; message: string }> {
  let bytes: Buffer | "too-large" | "too-slow";
  try {
    bytes = await readAtMost(body, MAX_UPLOAD_BYTES, readDeadlineMs());
  } catch {
    // the browser went away or the connection broke mid-upload
    return { ok: false, status: 400, message: UPLOAD_INTERRUPTED };
  }
  if (bytes === "too-slow") return { ok: false, status: 408, message: UPLOAD_TOO_SLOW };
  if (bytes === "too-large") return { ok: false, status: 413, message: UPLOAD_MESSAGES.tooLarge };
  return { ok: true, bytes };
}

/**
 * The body, or "too-large" as soon as it passes `limit` bytes: the rest is never read, so a
 * body without (or with a false) Content-Length cannot make the server buffer more than that;
 * or "too-slow" when it has not all arrived by the deadline.
 */
async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  deadlineMs: number,
): Promise<Buffer | "too-large" | "too-slow"> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    void reader.cancel().catch(() => {});
  }, deadlineMs);
  try {
    return await readAll(reader, limit, () => late);
  } finally {
    clearTimeout(timer);
  }
}

async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
  late: () => boolean,
): Promise<Buffer | "too-large" | "too-slow"> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (late()) return "too-slow";
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
