import "server-only";
import QRCode from "qrcode";

// A QR code drawn as vector squares straight into the page: sharp at any print size, a few
// hundred bytes, no image to encode. Error correction M survives a crease or a smudge.

/** The dark modules of `text`'s QR code, row by row (true = dark), with the symbol's size. */
export function qrModules(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: (x, y) => modules.get(y, x) === 1 };
}

interface Canvas {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/** Draws the code with its quiet zone of 2 modules inside a `side` × `side` square at (x, y). */
export function drawQr(doc: Canvas, text: string, x: number, y: number, side: number): void {
  const { size, dark } = qrModules(text);
  const cell = side / (size + 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (dark(col, row)) doc.rect(x + (col + 2) * cell, y + (row + 2) * cell, cell, cell);
    }
  }
  doc.fill("#000000");
}
