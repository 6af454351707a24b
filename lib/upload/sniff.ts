/**
 * What a file really is, read from its first bytes. The extension and the browser's declared
 * type are chosen by whoever sends the file, so they are never consulted: a renamed executable
 * stays an executable. Only JPEG and PNG are accepted (the manual's attachment formats; PNG
 * because screenshots and scans come as PNG).
 */
export type ImageFormat = "jpeg" | "png";

export const UNSUPPORTED_FORMAT_MESSAGE = "仅支持 JPG 或 PNG 格式的图片";

// JPEG: SOI (FF D8) followed by the first marker's FF. PNG: the fixed 8-byte signature, whose
// CR-LF, EOF and LF bytes catch files mangled by text-mode transfers.
const SIGNATURES: readonly { format: ImageFormat; magic: readonly number[] }[] = [
  { format: "jpeg", magic: [0xff, 0xd8, 0xff] },
  { format: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const match = SIGNATURES.find(
    ({ magic }) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b),
  );
  return match?.format ?? null;
}

export type SniffResult = { ok: true; format: ImageFormat } | { ok: false; message: string };

export function sniffImage(bytes: Uint8Array): SniffResult {
  const format = sniffImageFormat(bytes);
  return format ? { ok: true, format } : { ok: false, message: UNSUPPORTED_FORMAT_MESSAGE };
}
