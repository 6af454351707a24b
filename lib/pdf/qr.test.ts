import { describe, expect, it } from "vitest";
import { drawQr, qrModules } from "./qr";

const URL = "https://kuaiji.example.gov.cn/verify#7K3M-9QWX-2HDP-ZR4T";

describe("QR code in the PDF", () => {
  it("has the three finder patterns of a QR symbol at its corners", () => {
    const { size, dark } = qrModules(URL);
    expect(size).toBeGreaterThanOrEqual(21);
    // a finder is a 7×7 ring: dark border, light ring, dark 3×3 core
    for (const [x0, y0] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      expect(dark(x0, y0) && dark(x0 + 6, y0 + 6) && dark(x0 + 3, y0 + 3)).toBe(true);
      expect(dark(x0 + 1, y0 + 1)).toBe(false);
    }
  });

  it("draws one square per dark module inside the given square, with a quiet zone", () => {
    const { size, dark } = qrModules(URL);
    let darkCount = 0;
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(x, y)) darkCount++;
    const rects: number[][] = [];
    let filled = 0;
    drawQr({ rect: (...r: number[]) => rects.push(r), fill: () => filled++ }, URL, 100, 200, 96);
    expect(rects).toHaveLength(darkCount);
    expect(filled).toBe(1);
    const cell = 96 / (size + 4);
    for (const [x, y, w] of rects) {
      expect(x).toBeGreaterThanOrEqual(100 + 2 * cell - 1e-9);
      expect(y).toBeGreaterThanOrEqual(200 + 2 * cell - 1e-9);
      expect(x! + w!).toBeLessThanOrEqual(100 + 96 - 2 * cell + 1e-9);
    }
  });
});
