// The kinds of file a person uploads, one list for the browser (the upload control names its
// kind) and the server (image-intake applies each kind's rules). No imports: client-safe.

const UPLOAD_KIND_CODES = [
  "headshot",
  "document-page",
  "student-card",
  "ce-evidence",
  "transfer-proof",
] as const;
export type UploadKind = (typeof UPLOAD_KIND_CODES)[number];

export function isUploadKind(value: unknown): value is UploadKind {
  return typeof value === "string" && (UPLOAD_KIND_CODES as readonly string[]).includes(value);
}
