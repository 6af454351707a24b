import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  corruptedJpeg,
  decompressionBombPng,
  documentPagePng,
  exifRotatedJpeg,
  headshotJpeg,
  oversizeJpeg,
  renamedExecutable,
  tooSmallHeadshotJpeg,
  truncatedJpeg,
  wrongRatioHeadshotJpeg,
  writeFixtures,
} from "@/tests/fixtures/images/make";
import { processUpload, type UploadResult } from "./image-intake";
import type { UploadKind } from "./kinds";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "./limits";
import { UNSUPPORTED_FORMAT_MESSAGE } from "./sniff";

type Accepted = Extract<UploadResult, { ok: true }>;

async function accept(bytes: Buffer, kind: UploadKind): Promise<Accepted> {
  const result = await processUpload(bytes, kind);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

/** The RGB of one output pixel. */
async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

function solid(width: number, height: number, background: string) {
  return sharp({ create: { width, height, channels: 3, background } });
}

const near = (rgb: number[], target: number[]) =>
  rgb.every((v, i) => Math.abs(v - (target[i] ?? 0)) <= 24);

describe("processUpload: accepted images", () => {
  it("re-encodes a 5:7 headshot to a JPEG of at most 590 × 826 and reports it", async () => {
    const input = await headshotJpeg(600, 840);
    const r = await accept(input, "headshot");
    expect([r.width, r.height]).toEqual([590, 826]);
    expect(r.byteSize).toBe(r.jpeg.length);
    expect(r.sha256).toBe(createHash("sha256").update(r.jpeg).digest("hex"));
    const meta = await sharp(r.jpeg).metadata();
    expect(meta.format).toBe("jpeg");
    expect([meta.width, meta.height]).toEqual([590, 826]);
    expect(r.jpeg.equals(input)).toBe(false);
  });

  it("keeps a headshot of exactly the minimum 295 × 413 and never enlarges it", async () => {
    const r = await accept(await headshotJpeg(295, 413), "headshot");
    expect([r.width, r.height]).toEqual([295, 413]);
  });

  it("accepts the browser crop's rounding and stores an exact 5:7", async () => {
    for (const [w, h, out] of [
      [296, 414, [295, 413]],
      [600, 845, [590, 826]], // 0.7 % taller than 5:7
      [451, 631, [450, 630]],
    ] as const) {
      const r = await accept(await headshotJpeg(w, h), "headshot");
      expect([r.width, r.height]).toEqual(out);
      expect(r.width * 7).toBe(r.height * 5);
    }
  });

  it("scales a large PNG document page to 2000 px on the long edge, keeping its shape", async () => {
    const r = await accept(await documentPagePng(2400, 1800), "document-page");
    expect([r.width, r.height]).toEqual([2000, 1500]);
    const meta = await sharp(r.jpeg).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.isProgressive).toBe(true); // pages load top to bottom in coarse-to-fine passes
  });

  it("keeps a small enough page or student card at its own size, portrait or landscape", async () => {
    const card = await accept(await documentPagePng(800, 600), "student-card");
    expect([card.width, card.height]).toEqual([800, 600]);
    const page = await accept(await documentPagePng(600, 800), "document-page");
    expect([page.width, page.height]).toEqual([600, 800]);
  });

  it("turns transparent PNG areas white, not black", async () => {
    const png = await sharp({
      create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const r = await accept(png, "document-page");
    expect(near(await pixel(r.jpeg, 200, 200), [255, 255, 255])).toBe(true);
  });

  it("converts CMYK and greyscale input to an sRGB JPEG", async () => {
    const cmyk = await solid(400, 400, "#3366cc").toColourspace("cmyk").jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const fromCmyk = await accept(cmyk, "document-page");
    expect((await sharp(fromCmyk.jpeg).metadata()).space).toBe("srgb");
    // Still blue: CMYK bytes (≈ 191, 128, 0, 51) read as RGB would come out orange.
    const [r = 0, g = 0, b = 0] = await pixel(fromCmyk.jpeg, 10, 10);
    expect(b - r).toBeGreaterThan(80);
    expect(b - g).toBeGreaterThan(40);

    const grey = await solid(400, 400, "#808080").greyscale().png().toBuffer();
    expect((await accept(grey, "document-page")).jpeg.subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
  });

  it("accepts data after the end-of-image marker (Android motion photos append a video)", async () => {
    const withTrailer = Buffer.concat([await headshotJpeg(), Buffer.alloc(50_000, 7)]);
    await accept(withTrailer, "headshot");
  });
});

describe("processUpload: metadata and orientation", () => {
  it("strips EXIF (GPS, camera), ICC, XMP and IPTC and applies the EXIF orientation", async () => {
    const input = await exifRotatedJpeg();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes("FixtureCam")).toBe(true);
    expect(before.icc).toBeDefined();

    const r = await accept(input, "headshot");
    const after = await sharp(r.jpeg).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(r.jpeg.includes("FixtureCam")).toBe(false);
    expect(r.jpeg.includes("Exif\0")).toBe(false);

    // Stored 840 × 600 with red at the stored top-left; upright it is a 5:7 portrait with the
    // red block at the top-right and white background at the top-left.
    expect([r.width, r.height]).toEqual([590, 826]);
    expect(near(await pixel(r.jpeg, r.width - 20, 20), [255, 0, 0])).toBe(true);
    expect(near(await pixel(r.jpeg, 20, 20), [255, 255, 255])).toBe(true);
  });

  it("gives the same bytes and sha256 for the same input, different ones for another", async () => {
    const input = await headshotJpeg();
    const first = await accept(input, "headshot");
    const second = await accept(Buffer.from(input), "headshot");
    expect(second.sha256).toBe(first.sha256);
    expect(second.jpeg.equals(first.jpeg)).toBe(true);
    expect((await accept(await exifRotatedJpeg(), "headshot")).sha256).not.toBe(first.sha256);
  });
});

describe("processUpload: refusals", () => {
  it("refuses a file over 5 MB before decoding it, even a valid JPEG", async () => {
    const big = await oversizeJpeg();
    expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(big.length).toBeLessThan(7 * 1024 * 1024);
    expect((await sharp(big).metadata()).format).toBe("jpeg"); // decodable: the size is the reason
    const r = await processUpload(big, "document-page");
    expect(r).toEqual({ ok: false, reason: "size", message: "图片不能超过5MB" });
  });

  it("counts 5 MB as 5 × 1024 × 1024 bytes: one more is too large, exactly that is not", async () => {
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const exactly = Buffer.concat([jpegStart, Buffer.alloc(MAX_UPLOAD_BYTES - 4)]);
    const over = Buffer.concat([exactly, Buffer.alloc(1)]);
    expect(await processUpload(over, "headshot")).toMatchObject({ ok: false, reason: "size" });
    expect(await processUpload(exactly, "headshot")).toMatchObject({
      ok: false,
      reason: "corrupt",
    });
  });

  it("refuses a renamed executable by its content", async () => {
    expect(await processUpload(renamedExecutable(), "headshot")).toEqual({
      ok: false,
      reason: "format",
      message: UNSUPPORTED_FORMAT_MESSAGE,
    });
  });

  it.each([
    ["GIF", () => solid(400, 400, "#ff0000").gif().toBuffer()],
    ["WebP", () => solid(400, 400, "#ff0000").webp().toBuffer()],
    ["TIFF", () => solid(400, 400, "#ff0000").tiff().toBuffer()],
  ])("refuses %s, though sharp could decode it", async (_name, make) => {
    expect(await processUpload(await make(), "document-page")).toMatchObject({
      ok: false,
      reason: "format",
    });
  });

  it("refuses an empty file", async () => {
    expect(await processUpload(Buffer.alloc(0), "headshot")).toMatchObject({
      ok: false,
      message: UPLOAD_MESSAGES.empty,
    });
  });

  it.each([
    ["cut in half", truncatedJpeg],
    ["with scrambled image data", corruptedJpeg],
    ["that is only a JPEG header", async () => (await headshotJpeg()).subarray(0, 600)],
    [
      "that is a PNG signature and nothing else",
      async () => Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    ],
  ])("refuses an image %s as damaged", async (_name, make) => {
    expect(await processUpload(await make(), "headshot")).toEqual({
      ok: false,
      reason: "corrupt",
      message: UPLOAD_MESSAGES.corrupt,
    });
  });

  it("refuses a decompression bomb from its header, before decoding", async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(200);
    expect(await processUpload(bomb, "document-page")).toEqual({
      ok: false,
      reason: "dimensions",
      message: UPLOAD_MESSAGES.tooManyPixels,
    });
  });

  it("refuses a headshot under 295 × 413", async () => {
    expect(await processUpload(await tooSmallHeadshotJpeg(), "headshot")).toEqual({
      ok: false,
      reason: "dimensions",
      message: "证件照尺寸不能小于295×413像素",
    });
  });

  it.each([
    ["square", wrongRatioHeadshotJpeg],
    ["3:4", () => headshotJpeg(600, 800)],
    ["landscape 7:5", () => headshotJpeg(840, 600)],
  ])("refuses a %s headshot: the one-inch ratio is 5:7", async (_name, make) => {
    expect(await processUpload(await make(), "headshot")).toEqual({
      ok: false,
      reason: "dimensions",
      message: "证件照须为一寸照片比例（宽:高 = 5:7），请重新裁剪后上传",
    });
  });

  it("refuses a document page too small to read, in either orientation", async () => {
    for (const [w, h] of [
      [400, 299],
      [299, 400],
    ]) {
      expect(await processUpload(await documentPagePng(w, h), "document-page")).toMatchObject({
        ok: false,
        reason: "dimensions",
        message: "图片太小（短边不足300像素），请上传清晰的照片",
      });
    }
  });

  it("judges the headshot's ratio after EXIF rotation, not on the stored pixels", async () => {
    // Stored 840 × 600 (landscape) but displayed upright as 600 × 840: accepted above.
    // The same pixels without the orientation tag are a landscape photo: refused.
    const unrotated = await sharp(await exifRotatedJpeg(), { autoOrient: false })
      .jpeg()
      .toBuffer();
    expect((await sharp(unrotated).metadata()).orientation).toBeUndefined();
    expect(await processUpload(unrotated, "headshot")).toMatchObject({ reason: "dimensions" });
  });
});

describe("writeFixtures (the files Playwright uploads)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kuaiji-fixtures-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes every fixture, and each file on disk gets the verdict its buffer gets", async () => {
    const paths = await writeFixtures(dir);
    const verdict = async (name: keyof typeof paths, kind: UploadKind) => {
      expect(path.basename(paths[name])).toMatch(/\.(jpg|png)$/);
      const r = await processUpload(await readFile(paths[name]), kind);
      return r.ok ? "ok" : r.reason;
    };
    expect(await verdict("headshot", "headshot")).toBe("ok");
    expect(await verdict("documentPage", "document-page")).toBe("ok");
    expect(await verdict("exifRotated", "headshot")).toBe("ok");
    expect(await verdict("truncated", "headshot")).toBe("corrupt");
    expect(await verdict("corrupted", "headshot")).toBe("corrupt");
    expect(await verdict("oversize", "document-page")).toBe("size");
    expect(await verdict("renamedExecutable", "headshot")).toBe("format");
    expect(await verdict("decompressionBomb", "document-page")).toBe("dimensions");
    expect(await verdict("tooSmallHeadshot", "headshot")).toBe("dimensions");
    expect(await verdict("wrongRatioHeadshot", "headshot")).toBe("dimensions");
    expect(paths.renamedExecutable.endsWith(".jpg")).toBe(true);
  });
});
