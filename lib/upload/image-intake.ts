import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { UploadKind } from "./kinds";
import { kindProblem, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "./limits";
import { sniffImage } from "./sniff";

/**
 * Server-side intake of every uploaded image (issue 3, "Uploads"): nothing the browser says is
 * trusted. The bytes are size-checked before any decoding, identified by their magic bytes,
 * checked against the kind's rules from the header, decoded in full (a truncated or corrupt
 * file is refused, not half-stored), and re-encoded to a fresh JPEG. Re-encoding from decoded pixels is what
 * strips EXIF (GPS position, camera serials), XMP, IPTC and ICC profiles — and any payload
 * hidden in the original file — while keeping the picture.
 */

/**
 * Decompression bombs: a few KB of PNG can declare 16 000 × 16 000 px (768 MB decoded). The
 * largest legitimate input is a 50-megapixel phone camera (8160 × 6120); decoded it is 150 MB.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

interface KindRule {
  /** Used in messages: 证件照 / 图片. */
  label: string;
  /** Smallest accepted short and long edge, after EXIF rotation. */
  minShortEdge: number;
  minLongEdge: number;
  /** Largest stored long edge; bigger images are scaled down (never up). */
  maxLongEdge: number;
  /** Required width:height (portrait) with a relative tolerance; the output is cropped to it exactly. */
  aspect?: { width: number; height: number; tolerance: number };
  /** mozjpeg's trellis quantisation and scan optimisation: smallest files, slowest encoder. */
  mozjpeg: boolean;
}

/**
 * Headshot: the one-inch photo (25 × 35 mm, 5:7) the browser crops before upload; at least
 * 295 × 413 px (the national exam standard). Stored at most 590 × 826 — twice the minimum,
 * i.e. 600 dpi at one inch, sharp on high-density screens and in the printed archive, and an
 * exact 2× of the exam size for any later export. Bigger adds only bytes.
 * The 2 % tolerance absorbs the browser crop's rounding (1 px at 295 wide is 0.3 %) while still
 * refusing a square or a 3:4 phone photo; the small remainder is cropped from the centre.
 *
 * Document pages and student cards (the same rule: both are a card photographed by phone):
 * any orientation; at most 2000 px on the long edge — about 590 dpi across an ID card's
 * 85.6 mm when it fills the frame, so its small print stays legible even when it fills half —
 * at a few hundred KB. Under 300 px on the short edge nothing on a card can be read.
 *
 * Encoder: mozjpeg for the headshot (≈ 60 ms at 590 × 826; it is the image shown and printed
 * most). Not for pages: at 2000 × 1500 mozjpeg took ≈ 500 ms against ≈ 80 ms for a progressive
 * JPEG with optimised Huffman tables, for files only a few per cent smaller — and pages arrive
 * by the thousand in the days before a collection deadline.
 */
const PAGE: KindRule = {
  label: "图片",
  minShortEdge: 300,
  minLongEdge: 300,
  maxLongEdge: 2000,
  mozjpeg: false,
};

export const UPLOAD_KINDS: Readonly<Record<UploadKind, KindRule>> = {
  headshot: {
    label: "证件照",
    minShortEdge: 295,
    minLongEdge: 413,
    maxLongEdge: 826,
    aspect: { width: 5, height: 7, tolerance: 0.02 },
    mozjpeg: true,
  },
  "document-page": PAGE,
  "student-card": PAGE,
  // 继续教育 evidence (exam results, attendance certificates, papers): photos of paper too.
  "ce-evidence": PAGE,
  // 调转附件 (work proof from the destination): photos of paper; JPEG ≤ 2 MB (limits.ts).
  "transfer-proof": PAGE,
};

export const JPEG_QUALITY = 85;

export type UploadRefusal = "format" | "size" | "corrupt" | "dimensions";

export type UploadResult =
  | { ok: true; jpeg: Buffer; width: number; height: number; byteSize: number; sha256: string }
  | { ok: false; reason: UploadRefusal; message: string };

function refuse(reason: UploadRefusal, message: string): UploadResult {
  return { ok: false, reason, message };
}

function dimensionProblem(rule: KindRule, width: number, height: number): string | null {
  const { aspect } = rule;
  if (aspect) {
    const wanted = aspect.width / aspect.height;
    if (Math.abs(width / height - wanted) > wanted * aspect.tolerance) {
      return `${rule.label}须为一寸照片比例（宽:高 = ${aspect.width}:${aspect.height}），请重新裁剪后上传`;
    }
  }
  const shortEdge = Math.min(width, height);
  const longEdge = Math.max(width, height);
  if (shortEdge < rule.minShortEdge || longEdge < rule.minLongEdge) {
    return aspect
      ? `${rule.label}尺寸不能小于${rule.minShortEdge}×${rule.minLongEdge}像素`
      : `${rule.label}太小（短边不足${rule.minShortEdge}像素），请上传清晰的照片`;
  }
  return null;
}

/**
 * The stored size. With an aspect rule: the largest whole multiple of it that fits the image
 * and the maximum, so 600 × 840 → 590 × 826 and 296 × 414 → 295 × 413 (never below the minimum,
 * which is itself a multiple). Otherwise: the image scaled to fit the maximum long edge.
 */
function targetSize(rule: KindRule, width: number, height: number) {
  const { aspect } = rule;
  if (aspect) {
    const maxWidth = Math.round((rule.maxLongEdge * aspect.width) / aspect.height);
    const fitWidth = Math.min(width, Math.floor((height * aspect.width) / aspect.height), maxWidth);
    const unit = Math.floor(fitWidth / aspect.width);
    return { width: unit * aspect.width, height: unit * aspect.height, fit: "cover" as const };
  }
  const scale = Math.min(1, rule.maxLongEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    fit: "fill" as const,
  };
}

/**
 * Decodes every pixel, upright and in sRGB. `failOn: "warning"` (sharp's default, stated here
 * because it is the point): libjpeg reports damaged image data ("premature end of data
 * segment", "extraneous bytes before marker") only as a warning, so a laxer level would accept
 * a visibly broken JPEG; truncation is refused at every level.
 * Decoding to raw pixels forces the whole file to be read — a lazy pipeline could stop early.
 */
async function decodeFully(bytes: Buffer) {
  return sharp(bytes, { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true })
    .flatten({ background: "#ffffff" }) // transparent PNG areas become white paper, not black
    .toColourspace("srgb") // applies an embedded ICC profile, then it is gone
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
}

/**
 * Decodes running at once in this process. A 50-megapixel decode takes ~150 MB and a core for a
 * few hundred ms; before a deadline uploads arrive in bursts, and queueing them here keeps the
 * pages of everyone else responsive (each instance has its own queue).
 */
export const MAX_CONCURRENT_DECODES = 2;
let decoding = 0;
const waitingForDecode: (() => void)[] = [];

async function withDecodeSlot<T>(run: () => Promise<T>): Promise<T> {
  if (decoding >= MAX_CONCURRENT_DECODES) {
    await new Promise<void>((resolve) => waitingForDecode.push(resolve));
  } else {
    decoding++;
  }
  try {
    return await run();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waitingForDecode.shift();
    if (next) next();
    else decoding--;
  }
}

export function processUpload(bytes: Buffer, kind: UploadKind): Promise<UploadResult> {
  return withDecodeSlot(() => intake(bytes, kind));
}

async function intake(bytes: Buffer, kind: UploadKind): Promise<UploadResult> {
  const rule = UPLOAD_KINDS[kind];
  if (bytes.length === 0) return refuse("format", UPLOAD_MESSAGES.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) return refuse("size", UPLOAD_MESSAGES.tooLarge);

  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) return refuse("format", sniffed.message);
  const kindRefusal = kindProblem(kind, sniffed.format, bytes.length);
  if (kindRefusal) return refuse(sniffed.format === "jpeg" ? "size" : "format", kindRefusal);

  // The header alone (cheap): refuse a bomb before a single pixel is decoded. The limit is
  // lifted for this read only so that a bomb gets its own message rather than "damaged".
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (header?.format !== sniffed.format) return refuse("corrupt", UPLOAD_MESSAGES.corrupt);
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    return refuse("dimensions", UPLOAD_MESSAGES.tooManyPixels);
  }
  // Size and ratio as the user sees the picture (after EXIF rotation), also before decoding.
  const problem = dimensionProblem(rule, header.autoOrient.width, header.autoOrient.height);
  if (problem) return refuse("dimensions", problem);

  let decoded: Awaited<ReturnType<typeof decodeFully>>;
  try {
    decoded = await decodeFully(bytes);
  } catch {
    return refuse("corrupt", UPLOAD_MESSAGES.corrupt);
  }
  const { width, height, channels } = decoded.info;

  // From here on the input is pixels we decoded ourselves: a failure is ours, not the user's,
  // so it is left to throw.
  const target = targetSize(rule, width, height);
  const { data: jpeg, info } = await sharp(decoded.data, { raw: { width, height, channels } })
    .resize(target.width, target.height, { fit: target.fit, position: "centre" })
    .jpeg(
      rule.mozjpeg
        ? { quality: JPEG_QUALITY, mozjpeg: true }
        : { quality: JPEG_QUALITY, progressive: true, optimiseCoding: true },
    )
    .toBuffer({ resolveWithObject: true });

  return {
    ok: true,
    jpeg,
    width: info.width,
    height: info.height,
    byteSize: jpeg.length,
    sha256: createHash("sha256").update(jpeg).digest("hex"),
  };
}
