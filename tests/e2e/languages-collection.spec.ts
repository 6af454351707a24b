import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createPerson, loginThroughUi } from "./support/accounts";
import { imageFiles, newCollectedPerson } from "./support/collection";
import { E2E } from "./support/env";

// 信息采集 in English and 繁體 (README "Languages"): the wizard's frame, its fields, the upload
// and its cropper, and the schemas' messages in the reader's language; code tables (民族,
// 政治面貌 …) and the configured 阅读须知 stay as they are.

/** The device's language, as the header's switch sets it. */
const speak = (page: Page, locale: "en" | "zh-Hant") =>
  page.context().addCookies([{ name: "kuaiji-locale", value: locale, url: E2E.baseURL }]);

/** No message key shows instead of its text ("CollectionWizard.next", "Lib.…"). */
async function expectNoRawKeys(page: Page) {
  await expect(page.locator("main")).not.toContainText(/\b(CollectionWizard|Lib|Steps)\.\w/);
}

/** An upload field's file input, by its label (required ones end with "*"). */
const fileInput = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[()]/g, "\\$&")}\\*?$`));

test("the 信息采集 wizard in English: its steps, fields and messages", async ({ page }) => {
  test.setTimeout(120_000);
  const me = await createPerson(page);
  await loginThroughUi(page, me.idNumber, me.password);
  await speak(page, "en");

  // 阅读须知: the frame in English, the pledge refused until ticked.
  await page.goto("/account/collection");
  await expect(page).toHaveURL(/\/account\/collection\/notice$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle(/^Information collection · Read first/);
  await expect(page.getByRole("heading", { name: "Read first", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Information collection steps" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByText("Tick “I promise that the information I enter is true”"),
  ).toBeVisible();
  await expectNoRawKeys(page);
  await page.getByLabel("I promise that the information I enter is true").check();
  await page.getByRole("button", { name: "Next" }).click();

  // 个人信息: registration's facts, a field error from the schema, the code tables in Chinese.
  await expect(page).toHaveURL(/\/personal$/);
  await expect(page.getByRole("heading", { name: "Personal details", level: 1 })).toBeVisible();
  await expect(page.getByText("Resident Identity Card (居民身份证)")).toBeVisible();
  const email = page.getByRole("textbox", { name: "Email" });
  await email.fill("not-an-email");
  await email.blur();
  await expect(page.getByText("Enter an email like name@example.com")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Upload your ID photo", { exact: true })).toBeVisible();
  await expect(page.getByText(/fields? needs? fixing/)).toBeVisible();
  await expectNoRawKeys(page);

  await page.getByLabel("Ethnic group (民族)").selectOption({ label: "汉族" });
  await page.getByLabel("Political affiliation (政治面貌)").selectOption({ label: "群众" });
  await email.fill("lin.xf@example.com");
  const files = await imageFiles();
  await fileInput(page, "Your ID photo, bareheaded").setInputFiles(files.headshot);
  const crop = page.getByRole("dialog", { name: "Crop your ID photo" });
  await expect(crop.getByRole("slider", { name: "Zoom" })).toBeVisible();
  await crop.getByRole("button", { name: "OK" }).click();
  for (const side of [
    "ID card, photo side (身份证人像面)",
    "ID card, emblem side (身份证国徽面)",
  ]) {
    await fileInput(page, side).setInputFiles(files.documentPage);
    await expect(page.getByRole("img", { name: side })).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.getByRole("img", { name: "Your ID photo, bareheaded" })).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Remove Your ID photo, bareheaded" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/^Draft saved \(\d{2}:\d{2}\)$/)).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  // 学历信息: the entry list's words and an entry's field errors.
  await expect(page).toHaveURL(/\/education$/);
  const entry = page.getByRole("group", { name: "Full-time education, entry 1" });
  await expect(entry.getByLabel("Education level (学历)")).toBeVisible();
  await entry.getByRole("textbox", { name: "School" }).fill("中山大学");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(entry.getByText("Choose the education level")).toBeVisible();
  await expect(entry.getByText("Enter the month you enrolled")).toBeVisible();
  await expectNoRawKeys(page);
});

test("信息采集's 完成 in English and in 繁體", async ({ page }) => {
  await newCollectedPerson(page);
  await speak(page, "en");
  await page.goto("/account/collection");
  await expect(page).toHaveURL(/\/account\/collection\/done$/);
  await expect(page.getByRole("heading", { name: "Done", level: 1 })).toBeVisible();
  await expect(page.getByText("Information collected")).toBeVisible();
  await expect(page.getByText("File number")).toBeVisible();
  await expect(page.getByRole("link", { name: "View and print the file" })).toBeVisible();
  await expectNoRawKeys(page);

  await speak(page, "zh-Hant");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByText("信息已採集")).toBeVisible();
  await expectNoRawKeys(page);
});
