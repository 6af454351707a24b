// Upload limits and messages both sides need: the server's intake (image-intake.ts, which loads
// sharp) and the browser's precheck (components/collection/upload-attachment.ts). No imports.

/** 5 MB as the issue states it; a phone photo of a document is 2–4 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  empty: "请选择要上传的图片",
  tooLarge: "图片不能超过5MB",
  corrupt: "图片已损坏或不完整，无法读取，请重新拍摄或保存后再上传",
  tooManyPixels: "图片像素过多（超过5000万像素），请缩小后再上传",
} as const;
