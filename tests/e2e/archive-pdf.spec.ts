import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { pdfText, pdfVerificationCode } from "../support/pdf-text";
import { expectNoSidewaysScroll, newCollectedPerson } from "./support/collection";

// 我的档案 as a PDF (issue 13, 9): an accountant downloads it; the PDF carries the archive number,
// version, the photo and a 核验码; an employer, not logged in, finds the public 档案核验 page from
// the portal's home page and checks the code — typed, or arriving from the QR code's address —
// and sees who, which document and its status, and nothing else of the record.

test(
  "download 我的档案 as PDF and verify its 核验码 on 档案核验",
  { tag: "@phone" },
  async ({ page, browser }) => {
    test.setTimeout(240_000);
    const me = await newCollectedPerson(page, { name: "苏晓琳" });

    await page.goto("/account/archive");
    const archiveNumber = (await page
      .locator("dt", { hasText: "档案编号" })
      .locator("xpath=following-sibling::dd[1]")
      .textContent())!.trim();
    expect(archiveNumber).toMatch(/^\d{10,}$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载PDF（含核验码）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`会计人员信息档案-${archiveNumber}-第1版.pdf`);
    const pdf = await readFile((await download.path())!);
    const text = pdfText(pdf);
    expect(text).toContain(`档案编号：${archiveNumber}`);
    expect(text).toContain("第1版");
    expect(text).toContain("苏晓琳");
    expect(text).toMatch(/出具日期：\d{4}年\d{1,2}月\d{1,2}日（北京时间）/);
    const code = pdfVerificationCode(pdf);
    // the archived 本人免冠证件照 beside the registered facts: one JPEG image in the file
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image[\s\S]*?\/Filter \/DCTDecode/);

    // An employer: another browser, no session, finds 档案核验 on the portal's home page.
    const employer = await browser.newContext();
    const visitor = await employer.newPage();
    await visitor.goto("/");
    const services = visitor.getByRole("region", { name: "业务办理" });
    await services.getByRole("link", { name: "核验档案或学分证明" }).click();
    await expect(visitor).toHaveURL(/\/verify$/);
    await expect(visitor.getByRole("heading", { name: "档案核验", level: 1 })).toBeVisible();

    // a malformed code is told at the field before anything is sent
    await visitor.getByRole("textbox", { name: "核验码" }).fill("ABCD-1234");
    await visitor.getByRole("button", { name: "核验" }).click();
    await expect(visitor.getByText(/核验码应为16位字母或数字/)).toBeVisible();
    // an unknown one, by the server, at the field
    await visitor.getByRole("textbox", { name: "核验码" }).fill("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    await visitor.getByRole("button", { name: "核验" }).click();
    await expect(visitor.getByText(/未找到该核验码/)).toBeVisible();

    // typed as people type: lower case, without hyphens
    await visitor
      .getByRole("textbox", { name: "核验码" })
      .fill(code.replace(/-/g, "").toLowerCase());
    await visitor.getByRole("button", { name: "核验" }).click();
    const result = visitor.getByRole("region", { name: "核验结果" });
    await expect(result).toBeVisible();
    await expect(result.getByRole("heading", { name: "核验结果" })).toBeFocused();
    const shown = (await result.textContent())!;
    expect(shown).toContain("苏晓琳");
    expect(shown).toContain("会计人员信息档案");
    expect(shown).toContain(archiveNumber);
    expect(shown).toContain("第1版");
    expect(shown).toContain("有效");
    expect(shown).toMatch(/\d{4}\*+[\dX]{2}/); // the masked 证件号码 (first 4, last 2)
    // … and nothing more: not the full number, the phone, the employer, the education
    for (const secret of [me.idNumber, me.phone, "广州市天河区某某财务有限公司", "中山大学"]) {
      expect(await visitor.content()).not.toContain(secret);
    }
    await expectNoSidewaysScroll(visitor);

    // Arriving from the QR code: the code rides in the fragment and is checked at once.
    const fromQr = await employer.newPage();
    await fromQr.goto(`/verify#${code}`);
    await expect(fromQr.getByRole("region", { name: "核验结果" })).toContainText("有效");
    await expect(fromQr.getByRole("textbox", { name: "核验码" })).toHaveValue(code);
    await employer.close();
  },
);
