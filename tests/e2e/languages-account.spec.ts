import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createPerson, loginThroughUi } from "./support/accounts";

// 个人中心 in English (README "Languages"): its home, 账户安全, 人员调转, 信息变更 and 我的档案 say
// their own text in English, the domain's refusals and field errors too, and no message key shows
// through; 繁體 is the 简体 source converted.

/** Presses a language in the header and waits for the page to reload in it. */
async function switchTo(page: Page, group: string, language: string, lang: string) {
  await page.getByRole("group", { name: group }).getByRole("button", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** No "Namespace.key" where a text should be (a namespace missing from <ClientMessages>). */
async function expectNoRawKeys(page: Page) {
  await expect(page.locator("main")).not.toContainText(/\bAccount[A-Z]\w*\.\w+/);
}

test("个人中心 in English, then 繁體", async ({ page }) => {
  const me = await createPerson(page, { collected: true });
  await loginThroughUi(page, me.idNumber, me.password);
  await switchTo(page, "语言", "English", "en");

  // 个人中心
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "View the archive" })).toBeVisible();
  await expect(page.getByText("Collected", { exact: true })).toBeVisible();
  await expect(page.getByText("Resident Identity Card (居民身份证)")).toBeVisible();
  await expectNoRawKeys(page);

  // 账户安全 → 修改密码: the form's own check and the server's refusal, both in English.
  await page.getByRole("link", { name: "Go to account security" }).click();
  await expect(page.getByRole("heading", { name: "Account security", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Change password", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Enter your current password")).toBeVisible();
  await page.getByLabel("Current password").fill("Wrong-Pass-123");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("Changed-Pass-77");
  await page.getByLabel("Confirm new password").fill("Changed-Pass-77");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/^Wrong password; \d+ tries left$/)).toBeVisible();
  await expectNoRawKeys(page);
  await page.goto("/account/security/phone");
  await expect(page.getByRole("heading", { name: "Change mobile number", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change number" })).toBeVisible();
  await expectNoRawKeys(page);

  // 人员调转 → 申请调出: the schema's errors in English.
  await page.goto("/account/transfer");
  await expect(page.getByRole("heading", { name: "Transfer (人员调转)", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no transfer-out application.")).toBeVisible();
  await page.getByRole("link", { name: "Apply to transfer out" }).click();
  await expect(
    page.getByRole("heading", { name: "Apply to transfer out", level: 1 }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Destination province")).toHaveAccessibleDescription(
    /Choose the destination province/,
  );
  await expect(
    page.getByRole("textbox", { name: "Reason for the transfer" }),
  ).toHaveAccessibleDescription(/Enter the reason for the transfer/);
  await expect(page.getByText("Upload the transfer documents", { exact: true })).toBeVisible();
  await expectNoRawKeys(page);

  // 信息变更 and 变更记录: the items by their English names.
  await page.goto("/account/change");
  await expect(
    page.getByRole("heading", { name: "Information change (信息变更)", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Change (Personal details)" })).toBeVisible();
  await expect(page.getByText("Information that cannot be changed")).toBeVisible();
  await expectNoRawKeys(page);
  await page.getByRole("link", { name: "Change history" }).click();
  await expect(page.getByRole("heading", { name: "Change history", level: 1 })).toBeVisible();
  await expectNoRawKeys(page);

  // 我的档案: the page around the archive.
  await page.goto("/account/archive");
  await expect(
    page.getByRole("heading", { name: "Accountant information archive (会计人员信息档案)" }),
  ).toBeVisible();
  await expect(page.locator("dt", { hasText: "Archive number:" })).toBeVisible();
  await expectNoRawKeys(page);

  // 繁體中文: the same pages, converted from the 简体 source.
  await switchTo(page, "Language", "繁體中文", "zh-Hant");
  await expect(page.getByRole("heading", { name: "會計人員信息檔案" })).toBeVisible();
  await page.goto("/account/transfer");
  await expect(page.getByRole("heading", { name: "人員調轉", level: 1 })).toBeVisible();
  await expect(page.getByText("您還沒有調出申請。")).toBeVisible();
  await expectNoRawKeys(page);
});
