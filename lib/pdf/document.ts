import "server-only";
import PDFDocument from "pdfkit";
import { cjkFont } from "./font";
import { drawQr } from "./qr";

// The page furniture every issued PDF shares: A4, one embedded CJK font, a title, label–value
// tables, section headings, the verification block (QR code, 核验码, link, issue date) and a
// footer on every page repeating what identifies the document, so a single page taken out of a
// file can still be checked.

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 50;
const FONT = "cjk";
const LABEL_WIDTH = 120;
const CELL_PAD = 4;
const BORDER = "#999999";

export interface DocumentInfo {
  title: string;
  /** e.g. 档案编号 44… 第2版 — shown in the PDF's properties */
  subject: string;
  keywords: string[];
  /** the PDF's creation date: when the code was issued */
  issuedAt: Date;
  author: string;
}

export function startDocument(info: DocumentInfo): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Keywords: info.keywords.join(" "),
      Author: info.author,
      Creator: info.author,
      CreationDate: info.issuedAt,
    },
    lang: "zh-CN",
    displayTitle: true,
  });
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A new page when fewer than `height` points are left above the bottom margin. */
function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function drawTitle(doc: Pdf, title: string, lines: string[]): void {
  doc.fontSize(20).text(title, { align: "center" });
  doc.moveDown(0.4);
  doc.fontSize(10);
  for (const line of lines) doc.text(line, { align: "center" });
  doc.moveDown(0.8);
}

export function drawHeading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.5);
  doc.fontSize(13).text(text, doc.page.margins.left);
  doc.moveDown(0.3);
  doc.fontSize(10);
}

export function drawParagraph(doc: Pdf, text: string, size = 10): void {
  doc.fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 4);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.fontSize(10);
}

export interface Row {
  label: string;
  value: string;
}

/** Bordered label | value rows; a row never splits across pages. `width`: less than the page's. */
export function drawRows(doc: Pdf, rows: Row[], width = contentWidth(doc)): void {
  drawTable(
    doc,
    [LABEL_WIDTH, width - LABEL_WIDTH],
    rows.map((r) => [r.label, r.value]),
  );
}

/** One-inch photo size on paper: 25 × 35 mm in points. */
const PHOTO = { width: (25 / 25.4) * 72, height: (35 / 25.4) * 72 };
const PHOTO_GAP = 12;

/**
 * Rows with the person's photo at their right, as on the paper form (a JPEG; none: the rows
 * alone). Drawn near the top of a page, so the photo needs no page break of its own.
 */
export function drawRowsWithPhoto(doc: Pdf, rows: Row[], photo: Buffer | null): void {
  if (!photo) return drawRows(doc, rows);
  ensureSpace(doc, PHOTO.height + 8);
  const top = doc.y;
  const x = doc.page.width - doc.page.margins.right - PHOTO.width;
  doc.image(photo, x, top, { width: PHOTO.width, height: PHOTO.height });
  doc.rect(x, top, PHOTO.width, PHOTO.height).lineWidth(0.5).stroke(BORDER);
  drawRows(doc, rows, contentWidth(doc) - PHOTO.width - PHOTO_GAP);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, top + PHOTO.height + 8);
}

/** A bordered table of text cells (the first row is the caller's header); a row never splits. */
export function drawTable(
  doc: Pdf,
  widths: number[],
  rows: string[][],
  align: ("left" | "right")[] = [],
): void {
  doc.fontSize(10);
  const left = doc.page.margins.left;
  for (const cells of rows) {
    const height =
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 2 * CELL_PAD })),
      ) +
      2 * CELL_PAD;
    ensureSpace(doc, height);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      doc.rect(x, top, w, height).lineWidth(0.5).stroke(BORDER);
      doc.fillColor("#000000").text(cell, x + CELL_PAD, top + CELL_PAD, {
        width: w - 2 * CELL_PAD,
        align: align[i] ?? "left",
      });
      x += w;
    });
    doc.x = left;
    doc.y = top + height;
  }
  doc.moveDown(0.5);
}

export interface Verification {
  /** XXXX-XXXX-XXXX-XXXX */
  code: string;
  /** the 档案核验 address with the code, which the QR code holds */
  url: string;
  /** the 档案核验 page as printed for typing (without the code) */
  pageUrl: string;
  /** 出具日期, Beijing */
  issuedOn: string;
  issuer: string[];
}

const QR_SIDE = 96;

/** The QR code at the left, the code, where to check it and who issued it at the right. */
export function drawVerification(doc: Pdf, v: Verification): void {
  ensureSpace(doc, QR_SIDE + 20);
  doc.moveDown(0.8);
  const top = doc.y;
  const left = doc.page.margins.left;
  drawQr(doc, v.url, left, top, QR_SIDE);
  const textLeft = left + QR_SIDE + 12;
  const width = contentWidth(doc) - QR_SIDE - 12;
  doc.fontSize(12).text(`核验码：${v.code}`, textLeft, top + 6, { width });
  doc.fontSize(9);
  doc.text(`出具日期：${v.issuedOn}（北京时间）`, { width });
  doc.text(`扫描二维码，或访问 ${v.pageUrl} 输入核验码，可核验本文件的真实性及当前状态。`, {
    width,
  });
  for (const line of v.issuer) doc.text(line, { width, align: "right" });
  doc.x = left;
  doc.y = Math.max(doc.y, top + QR_SIDE) + 6;
  doc.fontSize(10);
}

/** "档案编号 … · 第2版 · 核验码 … · 第 1/3 页" at the foot of every page. */
export function drawFooters(doc: Pdf, identity: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page: lift the margin while writing.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#555555")
      .text(
        `${identity} · 第 ${i - range.start + 1}/${range.count} 页`,
        doc.page.margins.left,
        doc.page.height - bottom + 16,
        { width: contentWidth(doc), align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor("#000000");
}
