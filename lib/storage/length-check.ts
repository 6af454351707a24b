import "server-only";
import { Transform, type TransformCallback } from "node:stream";

/**
 * Passes bytes through and fails the stream when it turns out longer or shorter than the
 * declared length, so a truncated upload is never stored as if it were complete.
 */
export function enforceLength(expected: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      seen += bytes.length;
      if (seen > expected) callback(new ContentLengthMismatchError(expected));
      else callback(null, bytes);
    },
    flush(callback: TransformCallback) {
      callback(seen === expected ? null : new ContentLengthMismatchError(expected));
    },
  });
}

export class ContentLengthMismatchError extends Error {
  constructor(expected: number) {
    super(`上传内容长度与声明的 ${expected} 字节不一致`);
    this.name = "ContentLengthMismatchError";
  }
}

export function assertContentLength(value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError("contentLength 必须是非负整数");
  }
}
