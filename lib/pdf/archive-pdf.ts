import "server-only";
import type { SummaryRow, SummarySection } from "@/lib/collection/summary";
import {
  drawFooters,
  drawHeading,
  drawParagraph,
  drawRows,
  drawRowsWithPhoto,
  drawTitle,
  drawVerification,
  finish,
  startDocument,
  type Verification,
} from "./document";

// 会计人员信息档案 as a PDF: what 我的档案 shows — the registered facts beside the photo, then every step as
// summary.ts reads it (the same labels and values as on screen and on paper) — with the
// archive number, version and the 核验码 on every page. Pure: the caller reads the archive.

export interface ArchivePdfInput {
  archiveNumber: string;
  version: number;
  /** 采集时间, already formatted (Beijing) */
  collectedAt: string;
  registered: SummaryRow[];
  /** 本人免冠证件照 as a JPEG (headshot.ts), beside the registered facts; null: none. */
  headshot: Buffer | null;
  sections: SummarySection[];
  issuedAt: Date;
  verification: Verification;
  platformName: string;
}

export async function buildArchivePdf(input: ArchivePdfInput): Promise<Buffer> {
  const title = "会计人员信息档案";
  const identity = `档案编号 ${input.archiveNumber} · 第${input.version}版 · 核验码 ${input.verification.code}`;
  const doc = startDocument({
    title,
    subject: `档案编号 ${input.archiveNumber} 第${input.version}版`,
    keywords: [input.archiveNumber, `v${input.version}`, input.verification.code],
    issuedAt: input.issuedAt,
    author: input.platformName,
  });
  drawTitle(doc, title, [
    `档案编号：${input.archiveNumber}　　版本：第${input.version}版　　采集时间：${input.collectedAt}`,
  ]);

  drawHeading(doc, "基本信息");
  drawRowsWithPhoto(doc, input.registered, input.headshot);
  for (const section of input.sections) drawSection(doc, section);

  drawVerification(doc, input.verification);
  drawFooters(doc, identity);
  return finish(doc);
}

function drawSection(doc: Parameters<typeof drawRows>[0], s: SummarySection): void {
  drawHeading(doc, s.title);
  if (s.rows.length > 0) drawRows(doc, s.rows);
  for (const list of s.lists) {
    drawParagraph(doc, list.title, 11);
    if (list.entries.length === 0) drawParagraph(doc, list.empty);
    list.entries.forEach((entry, i) => {
      drawParagraph(doc, `（${i + 1}）`);
      drawRows(doc, entry);
    });
  }
  if (s.attachments.length > 0) {
    // The images stay on the platform (private files); the PDF names what the archive holds.
    drawRows(doc, [
      { label: "附件（已存档）", value: s.attachments.map((a) => a.label).join("、") },
    ]);
  }
}
