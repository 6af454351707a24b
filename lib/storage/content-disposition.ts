/**
 * `inline` / `attachment` with an optional file name. Chinese file names need RFC 6266's
 * `filename*` (UTF-8, percent-encoded); the plain `filename` is an ASCII fallback for old
 * clients. Path separators and control characters are replaced so a name can neither inject a
 * header nor suggest a path.
 */
export function contentDisposition(type: "inline" | "attachment", filename?: string): string {
  if (filename === undefined) return type;
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "file";
  const fallback = cleaned.replace(/[^\x20-\x7e]|["%]/g, "_");
  const encoded = encodeURIComponent(cleaned).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
