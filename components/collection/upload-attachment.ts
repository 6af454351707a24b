import { pageOwner } from "@/components/session/session-events";
import type { UploadKind } from "@/lib/upload/kinds";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/upload/limits";
import { sniffImageFormat, UNSUPPORTED_FORMAT_MESSAGE } from "@/lib/upload/sniff";
import { UPLOAD_OWNER_HEADER } from "@/lib/auth/page-owner";

/**
 * The browser side of POST /api/attachments. XMLHttpRequest rather than fetch: fetch reports no
 * upload progress, and a 5 MB photo on a mobile network takes long enough to need a bar.
 */

export type UploadAttachmentResult =
  | { ok: true; attachmentId: string }
  /** `sessionEnded`: the login ended (401); the same file can go again once logged in. */
  | { ok: false; message: string; sessionEnded?: boolean };

export const TOO_LARGE_MESSAGE = UPLOAD_MESSAGES.tooLarge;

export const NETWORK_FAILURE_MESSAGE = "网络异常，上传失败，请重试";
export const UNEXPECTED_ANSWER_MESSAGE = "服务器暂时无法处理上传，请稍后重试";
export const CANCELLED_MESSAGE = "已取消上传";

/**
 * Refuses in the browser what the server would refuse anyway, before a byte is sent: the
 * format by the file's first bytes (its name and type are whatever the sender chose) and the
 * size. The server checks both again.
 */
export function precheckImage(head: Uint8Array, size: number): string | null {
  if (!sniffImageFormat(head)) return UNSUPPORTED_FORMAT_MESSAGE;
  if (size > MAX_UPLOAD_BYTES) return TOO_LARGE_MESSAGE;
  return null;
}

/** Enough of the file for precheckImage (the PNG signature is the longest, 8 bytes). */
export async function readHead(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 8).arrayBuffer());
}

/** The route's answer as a result; anything not in its shape is a Chinese failure message. */
export function resultFromResponse(status: number, text: string): UploadAttachmentResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: status === 413 ? TOO_LARGE_MESSAGE : UNEXPECTED_ANSWER_MESSAGE,
    };
  }
  const b = body as { ok?: unknown; attachmentId?: unknown; message?: unknown } | null;
  if (status === 200 && b?.ok === true && typeof b.attachmentId === "string") {
    return { ok: true, attachmentId: b.attachmentId };
  }
  if (b?.ok === false && typeof b.message === "string" && b.message) {
    return status === 401
      ? { ok: false, message: b.message, sessionEnded: true }
      : { ok: false, message: b.message };
  }
  return { ok: false, message: UNEXPECTED_ANSWER_MESSAGE };
}

/**
 * Sends `body` as the raw request body; `onProgress` gets 0…1 as the bytes go out. It names the
 * page's owner: the cookie sent is whoever is logged in now, perhaps another person since.
 */
export function uploadAttachment(
  body: Blob,
  kind: UploadKind,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadAttachmentResult> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ ok: false, message: CANCELLED_MESSAGE });
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    const finish = (result: UploadAttachmentResult) => {
      signal?.removeEventListener("abort", onAbortSignal);
      resolve(result);
    };
    xhr.open("POST", `/api/attachments?kind=${encodeURIComponent(kind)}`);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => finish(resultFromResponse(xhr.status, xhr.responseText));
    xhr.onerror = () => finish({ ok: false, message: NETWORK_FAILURE_MESSAGE });
    xhr.ontimeout = () => finish({ ok: false, message: NETWORK_FAILURE_MESSAGE });
    xhr.onabort = () => finish({ ok: false, message: CANCELLED_MESSAGE });
    signal?.addEventListener("abort", onAbortSignal, { once: true });
    // The route reads the raw body; the type is a hint only (the server sniffs the bytes).
    xhr.setRequestHeader("Content-Type", body.type || "application/octet-stream");
    const owner = pageOwner();
    if (owner) xhr.setRequestHeader(UPLOAD_OWNER_HEADER, owner);
    xhr.send(body);
  });
}
