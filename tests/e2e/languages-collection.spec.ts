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

test("the 信息采集 wizard in English, from 阅读须知 to 完成", async ({ page }) => {
  test.setTimeout(180_000);
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
  await entry.getByRole("textbox", { name: "School" }).fill("中山大学");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(entry.getByText("Choose the education level")).toBeVisible();
  await expect(entry.getByText("Enter the month you enrolled")).toBeVisible();
  await expectNoRawKeys(page);
  await entry.getByLabel("Education level (学历)").selectOption({ label: "大学本科毕业" });
  await entry.getByLabel("Degree (学位)").selectOption({ label: "学士" });
  await entry.getByRole("textbox", { name: "Major" }).fill("会计学");
  await entry.getByLabel("Enrolled").fill("2006-09");
  await entry.getByLabel("Graduated").fill("2010-07");
  await page.getByRole("button", { name: "Next" }).click();

  // 工作信息: the region's rule names the platform's area as configured.
  await expect(page).toHaveURL(/\/work$/);
  await page.getByRole("radio", { name: "会计工作岗位", exact: true }).click();
  await expect(
    page.getByText("Choose the region where your employer is (广东省内（除深圳）)"),
  ).toBeVisible();
  await page.getByLabel("Region: city").selectOption({ label: "广州市" });
  await page.getByLabel("Region: district or county").selectOption({ label: "天河区" });
  await page.getByRole("textbox", { name: "Employer" }).fill("广州市天河区某某财务有限公司");
  const code = page.getByRole("textbox", { name: "Unified social credit code (统一社会信用代码)" });
  await code.fill("914403001922038217");
  await code.blur();
  await expect(
    page.getByText(
      "The check character of the unified social credit code is wrong: check the code and enter it again",
    ),
  ).toBeVisible();
  await code.fill("914403001922038216");
  await page.getByLabel("Accounting post (会计工作岗位类别)").selectOption({ label: "出纳" });
  await page.getByRole("textbox", { name: "Year you began accounting work" }).fill("2010");
  await page.getByRole("button", { name: "Next" }).click();

  // 专业技术信息 and 奖励信息 (none).
  await expect(page).toHaveURL(/\/professional$/);
  for (const name of [
    "Certified public accountant",
    "Certified tax adviser",
    "Certified asset appraiser",
  ]) {
    await page.getByRole("radiogroup", { name }).getByRole("radio", { name: "No" }).click();
  }
  await page.getByLabel("Abacus level (珠算等级)").selectOption({ label: "无" });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/awards$/);
  await expect(page.getByText("No awards.")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  // 确认信息: the summary's labels and words in English, what was entered as entered.
  await expect(page).toHaveURL(/\/confirm$/);
  await expect(page.getByRole("heading", { name: "Check your answers", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change Personal details" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Full-time education" })).toBeVisible();
  await expect(page.getByText("Entry 1", { exact: true })).toBeVisible();
  await expect(page.getByText("2006-09", { exact: true })).toBeVisible();
  await expect(page.getByText("中山大学", { exact: true })).toBeVisible();
  await expectNoRawKeys(page);
  await page.getByRole("button", { name: "Submit" }).click();

  // 完成
  await expect(page).toHaveURL(/\/done$/);
  await expect(page.getByRole("heading", { name: "Done", level: 1 })).toBeVisible();
  await expect(page.getByText("Information collected")).toBeVisible();
  await expect(page.getByText("File number")).toBeVisible();
  await expect(page.getByRole("link", { name: "View and print the file" })).toBeVisible();
  await expectNoRawKeys(page);
});

test("信息采集's 完成 in 繁體", async ({ page }) => {
  await newCollectedPerson(page);
  await speak(page, "zh-Hant");
  await page.goto("/account/collection");
  await expect(page).toHaveURL(/\/account\/collection\/done$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByText("信息已採集")).toBeVisible();
  await expectNoRawKeys(page);
});
