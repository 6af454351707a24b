import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import { buildArchivePdf, type ArchivePdfInput } from "./archive-pdf";

const input = (over: Partial<ArchivePdfInput> = {}): ArchivePdfInput => ({
  archiveNumber: "44202600000123",
  version: 2,
  collectedAt: "2026-11-27 12:00",
  registered: [
    { label: "姓名", value: "欧阳娜娜" },
    { label: "证件号码", value: "440106********1234" },
  ],
  headshot: null,
  sections: [
    {
      step: "work",
      title: "工作信息",
      rows: [{ label: "工作单位", value: "广州市天河区某某会计师事务所有限公司" }],
      lists: [
        {
          key: "awards",
          title: "奖励情况",
          empty: "无",
          entries: [[{ label: "奖励名称", value: "先进会计工作者" }]],
        },
      ],
      attachments: [{ label: "本人免冠证件照", attachmentId: "a1" }],
    },
  ],
  issuedAt: new Date("2026-11-27T16:30:00Z"),
  verification: {
    code: "7K3M-9QWX-2HDP-ZR4T",
    url: "https://kuaiji.example.gov.cn/verify#7K3M-9QWX-2HDP-ZR4T",
    pageUrl: "https://kuaiji.example.gov.cn/verify",
    issuedOn: "2026年11月28日",
    issuer: ["广东省财政厅", "会计人员信息服务平台"],
  },
  platformName: "会计人员信息服务平台",
  ...over,
});

describe("会计人员信息档案 PDF", () => {
  it("draws the archive number, version, 核验码, issue date and the record in Chinese", async () => {
    const pdf = await buildArchivePdf(input());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("会计人员信息档案");
    expect(text).toContain("档案编号：44202600000123");
    expect(text).toContain("第2版");
    expect(text).toContain("核验码：7K3M-9QWX-2HDP-ZR4T");
    expect(text).toContain("出具日期：2026年11月28日（北京时间）");
    expect(text).toContain("欧阳娜娜");
    expect(text).toContain("广州市天河区某某会计师事务所有限公司");
    expect(text).toContain("先进会计工作者");
    expect(text).toContain("本人免冠证件照");
    // the footer repeats what identifies the document on every page
    expect(text).toMatch(
      /档案编号 44202600000123 · 第2版 · 核验码 7K3M-9QWX-2HDP-ZR4T · 第 1\/1 页/,
    );
    expect(text).not.toContain("\uFFFD");
  });

  it("carries the photo beside the registered facts, as a JPEG, only when there is one", async () => {
    const photo = await sharp({
      create: { width: 295, height: 413, channels: 3, background: "#ffffff" },
    })
      .jpeg()
      .toBuffer();
    const raw = (await buildArchivePdf(input({ headshot: photo }))).toString("latin1");
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(raw).toMatch(/\/Filter \/DCTDecode/);
    expect(raw).toMatch(/\/Width 295/);
    const none = (await buildArchivePdf(input())).toString("latin1");
    expect(none).not.toMatch(/\/Subtype \/Image/);
  });

  it("embeds only a subset of the CJK font, so the file stays small", async () => {
    const pdf = await buildArchivePdf(input());
    const raw = pdf.toString("latin1");
    // a subset font is named with a six-letter tag: /BaseFont /ABCDEF+NotoSansSC-Regular
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain("/FontFile2");
    expect(pdf.length).toBeLessThan(60_000);
  });

  it("names the archive, version and code in the document's properties", async () => {
    const raw = (await buildArchivePdf(input())).toString("latin1");
    // pdfkit writes each property as its own string object; the keywords are plain ASCII
    expect(raw).toMatch(/\/Keywords \d+ 0 R/);
    expect(raw).toContain("(44202600000123 v2 7K3M-9QWX-2HDP-ZR4T)");
  });

  it("breaks a long record over pages, each with its footer", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({ label: `项目${i}`, value: `内容${i}` }));
    const pdf = await buildArchivePdf(
      input({ sections: [{ step: "work", title: "工作信息", rows, lists: [], attachments: [] }] }),
    );
    const text = pdfText(pdf);
    const pages = [...text.matchAll(/第 (\d)\/(\d) 页/g)];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((m) => m[1])).toEqual(pages.map((_, i) => String(i + 1)));
    expect(text).toContain("内容79");
  });
});
