import { inflateSync } from "node:zlib";

// Reads back the text a PDF of ours draws, for tests: every stream is inflated, the embedded
// font's ToUnicode maps (pdfkit writes one per subset font) give each 2-byte glyph code its
// characters, and every text block (BT … ET) of the content streams becomes one line. Enough for
// pdfkit's output, not a general PDF reader.

function streams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(inflateSync(raw).toString("latin1"));
    } catch {
      out.push(raw.toString("latin1"));
    }
  }
  return out;
}

function hexToText(hex: string): string {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

/** glyph code → characters, from every `beginbfrange` / `beginbfchar` of the PDF. */
function unicodeMap(all: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const s of all) {
    if (!s.includes("begincmap")) continue;
    for (const [, from, , list] of s.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const first = parseInt(from!, 16);
      [...list!.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, hex], i) =>
        map.set(first + i, hexToText(hex!)),
      );
    }
    for (const [, code, hex] of s.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim)) {
      map.set(parseInt(code!, 16), hexToText(hex!));
    }
  }
  return map;
}

/** The PDF's text, one line per text block, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = unicodeMap(all);
  const lines: string[] = [];
  for (const s of all) {
    for (const [, block] of s.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = "";
      for (const [, hex] of block!.matchAll(/<([0-9a-f]+)>/gi)) {
        for (let i = 0; i + 4 <= hex!.length; i += 4) {
          line += map.get(parseInt(hex!.slice(i, i + 4), 16)) ?? "\uFFFD";
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines.join("\n");
}

/** The 核验码 printed on one of our PDFs. */
export function pdfVerificationCode(pdf: Buffer): string {
  const m = /核验码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(pdfText(pdf));
  if (!m) throw new Error("no 核验码 in the PDF");
  return m[1]!;
}
