/**
 * Content types travel from the upload code into a response header, so they are checked once
 * at `put`: a value with CR/LF or odd characters would otherwise surface when the object is
 * served. Shape: `type/subtype` with optional `; name=value` parameters.
 */
const TOKEN = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*";
const PARAM = `\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\r\\n]*")`;
const CONTENT_TYPE_PATTERN = new RegExp(`^${TOKEN}/${TOKEN}(?:${PARAM})*$`);

export function assertValidContentType(contentType: string): void {
  if (contentType.length > 200 || !CONTENT_TYPE_PATTERN.test(contentType)) {
    throw new Error("非法的 Content-Type");
  }
}

/**
 * Types a browser may render in place. Anything else (HTML, SVG, XML, scripts…) is sent as an
 * attachment even when the caller asks for inline, so an uploaded file can never run script
 * on our origin. nosniff keeps the browser from second-guessing the declared type.
 */
const INLINE_SAFE = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
]);

export function isInlineSafe(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return INLINE_SAFE.has(mediaType);
}
