// Upload limits and messages both sides need: the server's intake (image-intake.ts, which loads
// sharp) and the browser's precheck (components/collection/upload-attachment.ts). Client-safe.
import type { UploadKind } from "./kinds";

/** 5 MB as the issue states it; a phone photo of a document is 2–4 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  empty: "请选择要上传的图片",
  tooLarge: "图片不能超过5MB",
  corrupt: "图片已损坏或不完整，无法读取，请重新拍摄或保存后再上传",
  tooManyPixels: "图片像素过多（超过5000万像素），请缩小后再上传",
} as const;

/**
 * A kind's own limits where they are stricter than the general ones: 调转附件 are "jpeg/jpg格式，
 * 大小不超过2M" (用户操作手册 4.1) — checked on the bytes as sent, before re-encoding.
 */
export interface KindLimits {
  maxBytes: number;
  tooLarge: string;
  jpegOnly?: string;
}

export const TRANSFER_PROOF_MAX_BYTES = 2 * 1024 * 1024;

const GENERAL: KindLimits = { maxBytes: MAX_UPLOAD_BYTES, tooLarge: UPLOAD_MESSAGES.tooLarge };

export function kindLimits(kind: UploadKind): KindLimits {
  return kind === "transfer-proof"
    ? {
        maxBytes: TRANSFER_PROOF_MAX_BYTES,
        tooLarge: "调转附件每张不能超过2MB",
        jpegOnly: "调转附件只能上传jpeg/jpg格式的图片",
      }
    : GENERAL;
}

/** What the intake and the browser's precheck both refuse, from the format sniffed and the size. */
export function kindProblem(
  kind: UploadKind,
  format: "jpeg" | "png",
  byteSize: number,
): string | null {
  const limits = kindLimits(kind);
  if (limits.jpegOnly && format !== "jpeg") return limits.jpegOnly;
  if (byteSize > limits.maxBytes) return limits.tooLarge;
  return null;
}
