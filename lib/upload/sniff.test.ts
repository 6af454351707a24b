import { describe, expect, it } from "vitest";
import { sniffImage, sniffImageFormat, UNSUPPORTED_FORMAT_MESSAGE } from "./sniff";

const bytes = (...values: number[]) => Buffer.from(values);
const text = (s: string) => Buffer.from(s, "latin1");

describe("sniffImageFormat", () => {
  it("recognises JPEG by its SOI marker", () => {
    expect(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10))).toBe("jpeg");
    expect(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe("jpeg"); // EXIF first
  });

  it("recognises PNG by its full 8-byte signature", () => {
    expect(sniffImageFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
  });

  it.each([
    ["empty", bytes()],
    ["a lone SOI", bytes(0xff, 0xd8)],
    ["a PNG signature cut short", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
    [
      "a PNG signature mangled by a text-mode transfer",
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0),
    ],
    ["an ELF executable", bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01)],
    ["a Windows executable (MZ)", text("MZ\x90\x00\x03\x00\x00\x00")],
    ["GIF", text("GIF89a\x01\x00")],
    ["WebP", text("RIFF\x24\x00\x00\x00WEBPVP8 ")],
    ["PDF", text("%PDF-1.7\n")],
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["a ZIP (docx)", text("PK\x03\x04\x14\x00")],
    ["HEIC", bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63)],
    ["JPEG magic not at the start", bytes(0x00, 0xff, 0xd8, 0xff, 0xe0)],
  ])("refuses %s", (_name, input) => {
    expect(sniffImageFormat(input)).toBeNull();
    expect(sniffImage(input)).toEqual({ ok: false, message: UNSUPPORTED_FORMAT_MESSAGE });
  });

  it("answers in Chinese and names the accepted formats", () => {
    expect(UNSUPPORTED_FORMAT_MESSAGE).toBe("仅支持 JPG 或 PNG 格式的图片");
  });
});
