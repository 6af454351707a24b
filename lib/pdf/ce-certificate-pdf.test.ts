import { describe, expect, it } from "vitest";
import { pdfText, pdfVerificationCode } from "@/tests/support/pdf-text";
import { buildCeCertificatePdf } from "./ce-certificate-pdf";

describe("继续教育学分证明 PDF", () => {
  it("draws the year, who, the credits, the archive number, version and 核验码", async () => {
    const pdf = await buildCeCertificatePdf({
      year: 2026,
      name: "张伟",
      idNumberMasked: "440106********1234",
      archiveNumber: "44202600000123",
      version: 3,
      statement: "兹证明张伟2026年度继续教育已取得学分90学分，达到年度学分要求，状态为“已完成”。",
      categories: [
        { label: "公需科目", required: "30", earned: "30" },
        { label: "专业科目", required: "60", earned: "60" },
        { label: "合计", required: "90", earned: "90" },
      ],
      thresholds: "广东省要求：每年公需科目不少于30学分、专业科目不少于60学分，合计不少于90学分。",
      records: [
        {
          title: "全国会计专业技术资格考试",
          detail: "考试（已认定）",
          category: "专业科目",
          credits: "60",
        },
        {
          title: "会计人员职业道德",
          detail: "培训（已学完）",
          category: "公需科目",
          credits: "30",
        },
      ],
      issuedAt: new Date("2026-11-27T04:00:00Z"),
      verification: {
        code: "ABCD-EFGH-JKMN-PQRS",
        url: "http://localhost:3000/verify#ABCD-EFGH-JKMN-PQRS",
        pageUrl: "http://localhost:3000/verify",
        issuedOn: "2026年11月27日",
        issuer: ["广东省财政厅"],
      },
      platformName: "会计人员信息服务平台",
    });
    const text = pdfText(pdf);
    expect(text).toContain("继续教育学分证明");
    expect(text).toContain("2026年度");
    expect(text).toContain("440106********1234");
    expect(text).toContain("44202600000123（第3版）");
    expect(text).toContain("全国会计专业技术资格考试");
    expect(text).toContain("兹证明张伟2026年度");
    expect(pdfVerificationCode(pdf)).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(text).not.toContain("\uFFFD");
    expect(pdf.length).toBeLessThan(60_000);
  });
});
