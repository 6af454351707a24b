import "server-only";
import {
  drawFooters,
  drawHeading,
  drawParagraph,
  drawRows,
  drawTable,
  drawTitle,
  drawVerification,
  finish,
  startDocument,
  type Verification,
} from "./document";

// 继续教育学分证明 of one year as a PDF: the page's content (who, the year's credits against the
// requirement, the records that count) with the archive number, version and 核验码. Pure: the
// caller decides that the year has a certificate and supplies the figures, already formatted.

export interface CeCertificatePdfInput {
  year: number;
  name: string;
  idNumberMasked: string;
  archiveNumber: string;
  version: number;
  /** the sentence that certifies (兹证明…) */
  statement: string;
  /** 公需科目, 专业科目, 合计: required and earned, formatted */
  categories: { label: string; required: string; earned: string }[];
  thresholds: string;
  records: { title: string; detail: string; category: string; credits: string }[];
  issuedAt: Date;
  verification: Verification;
  platformName: string;
}

export async function buildCeCertificatePdf(input: CeCertificatePdfInput): Promise<Buffer> {
  const title = "继续教育学分证明";
  const identity = `${input.year}年度 · 档案编号 ${input.archiveNumber} · 第${input.version}版 · 核验码 ${input.verification.code}`;
  const doc = startDocument({
    title: `${input.year}年度${title}`,
    subject: `${input.year}年度 档案编号 ${input.archiveNumber} 第${input.version}版`,
    keywords: [
      String(input.year),
      input.archiveNumber,
      `v${input.version}`,
      input.verification.code,
    ],
    issuedAt: input.issuedAt,
    author: input.platformName,
  });
  drawTitle(doc, title, [`${input.year}年度`]);
  drawRows(doc, [
    { label: "姓名", value: input.name },
    { label: "证件号码", value: input.idNumberMasked },
    { label: "档案编号", value: `${input.archiveNumber}（第${input.version}版）` },
    { label: "学分年度", value: `${input.year}年度` },
  ]);
  drawParagraph(doc, input.statement, 11);

  drawHeading(doc, "学分情况");
  drawTable(
    doc,
    [195, 150, 150],
    [
      ["科目类别", "要求学分", "取得学分"],
      ...input.categories.map((c) => [c.label, c.required, c.earned]),
    ],
    ["left", "right", "right"],
  );
  drawParagraph(doc, input.thresholds, 9);

  drawHeading(doc, "计入学分的记录");
  drawTable(
    doc,
    [40, 295, 90, 70],
    [
      ["序号", "名称及来源", "类别", "学分"],
      ...input.records.map((r, i) => [
        String(i + 1),
        `${r.title}\n${r.detail}`,
        r.category,
        r.credits,
      ]),
    ],
    ["left", "left", "left", "right"],
  );

  drawVerification(doc, input.verification);
  drawFooters(doc, identity);
  return finish(doc);
}
