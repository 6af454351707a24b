import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createPerson, loginThroughUi } from "./support/accounts";
import { platformSql } from "./support/collection";
import { E2E } from "./support/env";
import { STAFF, staffLogin } from "./support/staff";

// 帮助, 通知公告, 档案核验 and the idle timeout's dialogs in English (README "Languages"): their
// frame and the domain's refusals in the reader's language, what people published or entered
// (notices, offices) as it is; 帮助 in 繁體 too; the console's dialogs in 简体 whatever the device
// chose.

/** The device's language, as the header's switch stores it. */
async function chooseLanguage(context: BrowserContext, locale: "en" | "zh-Hant") {
  await context.addCookies([{ name: "kuaiji-locale", value: locale, url: E2E.baseURL }]);
}

/** A message key shown instead of its text ("HelpPage.title"): a namespace the page lacks. */
async function expectNoRawKeys(page: Page) {
  await expect(page.locator("body")).not.toContainText(
    /\b(HelpPage|HelpFaq|HelpSearch|HelpContacts|Notices|Verify|SessionDialogs)\.[a-z]/,
  );
}

test("帮助, 通知公告 and 档案核验 in English, 帮助 in 繁體", async ({ page, context }) => {
  await chooseLanguage(context, "en");

  await page.goto("/help");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Help", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Common questions", level: 2 })).toBeVisible();
  const search = page.getByRole("searchbox", { name: "Search the common questions" });
  await search.fill("forgot password");
  await expect(page.getByText(/^\d+ questions? found$/)).toBeVisible();
  await expect(
    page.getByText("On the login page choose “Forgot password”", { exact: false }),
  ).toBeVisible();
  await search.fill("no such question here");
  await expect(page.getByText(/^No question found\./)).toBeVisible();
  await search.fill("");
  // the offices stay as their staff entered them
  await expect(
    page.getByRole("region", { name: "广州市" }).getByRole("article").first(),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finance department contacts" })).toBeVisible();
  await expectNoRawKeys(page);

  await page.goto("/notices");
  await expect(page.getByRole("heading", { name: "Notices (通知公告)", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
  await page.locator('a[href^="/notices/"]').first().click();
  await expect(page.getByRole("link", { name: "Back to notices" })).toBeVisible();
  await expect(page.getByText(/^Published: \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expectNoRawKeys(page);

  await page.goto("/verify");
  await expect(
    page.getByRole("heading", { name: "Archive verification (档案核验)", level: 1 }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("Enter the verification code", { exact: true })).toBeVisible();
  const code = page.getByRole("textbox", { name: "Verification code (核验码)" });
  await code.fill("ABCD");
  await code.blur();
  await expect(page.getByText(/^A verification code has 16 letters or digits/)).toBeVisible();
  // No unknown code is sent: each counts against this address's tries before the captcha
  // (lib/verification/config.ts), which archive-pdf.spec.ts runs within; the server's refusals
  // in English are checked by verify.validation.test.ts.
  await expectNoRawKeys(page);

  await chooseLanguage(context, "zh-Hant");
  await page.goto("/help");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { name: "幫助", level: 1 })).toBeVisible();
  await expect(page.getByText("忘記密碼怎麼辦？", { exact: true })).toBeVisible();
});

/** Sets the person's live sessions' last use `minutes` back (session-timeout.spec.ts). */
async function idleFor(phone: string, minutes: number) {
  await platformSql(
    `UPDATE "AuthSession" SET "lastSeenAt" = now() - make_interval(mins => $2)
     WHERE "revokedAt" IS NULL AND "personId" = (SELECT id FROM "Person" WHERE phone = $1)`,
    [phone, minutes],
  );
}

test("the idle timeout's dialogs in English; the console's stay 简体", async ({
  page,
  context,
  browser,
  a11y,
}) => {
  const me = await createPerson(page);
  await loginThroughUi(page, me.idNumber, me.password);
  await chooseLanguage(context, "en");
  await page.clock.install();
  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.waitForLoadState("networkidle");

  await idleFor(me.phone, 26);
  await page.clock.fastForward("25:00");
  const warning = page.getByRole("alertdialog", { name: "Your login is about to end" });
  await expect(warning).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeFocused();
  await expect(warning.getByRole("timer")).toHaveText(/^[34] min \d{2} s$/);
  await a11y(page, "idle warning in English");
  await expectNoRawKeys(page);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(warning).toBeHidden();

  await idleFor(me.phone, 31);
  await page.clock.fastForward("30:00");
  const login = page.getByRole("dialog", { name: "Your login has ended: please log in again" });
  await expect(login).toBeVisible();
  await expect(login.getByLabel("ID number (证件号码)")).toBeVisible();
  await login.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(login.getByText("Enter your password", { exact: true })).toBeVisible();
  await expectNoRawKeys(page);

  // Staff on a device set to English: the console, its dialogs included, is 简体中文.
  const office = await browser.newContext();
  await chooseLanguage(office, "en");
  const staff = await office.newPage();
  await staff.clock.install();
  await staffLogin(staff, STAFF.guangzhou);
  await expect(staff.locator("html")).toHaveAttribute("lang", "zh-CN");
  await platformSql(
    `UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '26 minutes' WHERE id = (
       SELECT s.id FROM "AuthSession" s JOIN "Staff" o ON o.id = s."staffId"
       WHERE o.username = $1 AND s."revokedAt" IS NULL ORDER BY s."createdAt" DESC LIMIT 1)`,
    [STAFF.guangzhou],
  );
  await staff.clock.fastForward("25:00");
  await expect(staff.getByRole("alertdialog", { name: "登录即将失效" })).toBeVisible();
  await staff.getByRole("button", { name: "继续办理" }).click();
  await office.close();
});
