import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { newIdNumber, newPhone, smsCodeFor } from "./support/accounts";
import { thisYear } from "./support/ce";
import { newCollectedPerson } from "./support/collection";
import { E2E } from "./support/env";

// 账号申诉, 省外调入 and 继续教育 in English (README "Languages"): the pages' own words, a field
// error from the shared schema, a refusal the server writes in Chinese shown in English, and no
// message key in place of its text; 继续教育 once in 繁體 too.

/** The language the device chose, as the header's switch leaves it (lib/i18n/locales.ts). */
async function chooseLanguage(page: Page, locale: "en" | "zh-Hant") {
  await page.context().addCookies([{ name: "kuaiji-locale", value: locale, url: E2E.baseURL }]);
}

/** No "Namespace.key" where a text should be: a namespace missing from <ClientMessages>. */
async function expectNoRawKeys(page: Page) {
  await expect(page.locator("main")).not.toContainText(
    /\b(Appeal|AppealStatus|TransferIn|Ce|CeClaim|CeCertificate|CeYears|CeWithdraw|Auth)\.[a-z]\w*/,
  );
}

test("账号申诉, 申诉进度查询 and 省外调入 in English", async ({ page }) => {
  await chooseLanguage(page, "en");

  await page.goto("/appeal");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    page.getByRole("heading", { name: "Account appeal (账号申诉)", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("Appeal details").first()).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expectNoRawKeys(page);
  // The server's refusal, written in Chinese (lib/appeal/start.ts), at its field in English.
  const phone = newPhone();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("林真");
  await page.getByLabel("ID number (证件号码)").fill(newIdNumber());
  await page.getByRole("textbox", { name: "Your own mobile number" }).fill(phone);
  await expect(page.getByRole("img", { name: "Picture code image" })).toBeVisible();
  await page.getByRole("textbox", { name: "Picture code", exact: true }).fill(E2E.captcha);
  await page.getByRole("button", { name: "Get SMS code" }).click();
  // sent (and in the outbox) once the button counts down
  await expect(page.getByRole("button", { name: /^Resend in \d+ s$/ })).toBeVisible();
  await page.getByRole("textbox", { name: "SMS code" }).fill(await smsCodeFor(phone));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByText(
      "This ID number is not registered, so there is nothing to appeal: register instead",
    ),
  ).toBeVisible();

  await page.getByRole("link", { name: "Check the progress of your appeal" }).click();
  await expect(page.getByRole("heading", { name: "Appeal progress", level: 1 })).toBeVisible();
  const number = page.getByRole("textbox", { name: "Appeal number (申诉编号)" });
  await number.fill("20261204");
  await number.blur();
  await expect(page.getByText("An appeal number is SS and 14 digits")).toBeVisible();
  await expectNoRawKeys(page);

  await page.goto("/transfer-in");
  await expect(
    page.getByRole("heading", { name: "Transfer in from another province (省外调入)", level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Step 1 of 3: Verify your details" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByText("Choose your destination, down to the district or county"),
  ).toBeVisible();
  await expect(page.getByText("Enter your mobile number").first()).toBeVisible();
  await expectNoRawKeys(page);
});

test("继续教育 in English, then in 繁體", async ({ page }) => {
  await newCollectedPerson(page);
  await chooseLanguage(page, "en");

  await page.goto("/account/ce");
  await expect(
    page.getByRole("heading", { name: "Continuing education (继续教育)", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("You take part in continuing education from 2010.")).toBeVisible();
  await expect(page.getByText(/requires each year at least 30 credits in public/)).toBeVisible();
  const year = page.getByRole("region", { name: String(thisYear), exact: true });
  await expect(year.getByText("In progress", { exact: true })).toBeVisible();
  await expect(year.getByText("No credit records this year.")).toBeVisible();
  const unrecorded = page.getByRole("region", { name: "2010—2019", exact: true });
  await expect(unrecorded.getByText("No record", { exact: true })).toBeVisible();
  await expectNoRawKeys(page);

  // 申报学分: the kinds and their equivalences, the schema's errors, the expected credits.
  await page.getByRole("link", { name: "Claim credits" }).click();
  await expect(page.getByRole("heading", { name: "Claim credits", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Submit the claim" }).click();
  await expect(page.getByText("Choose where the credits come from", { exact: true })).toBeVisible();
  await expect(page.getByText("10 credits a day", { exact: true })).toBeVisible();
  await page.getByRole("radio", { name: /Attended an accounting conference/ }).click();
  const conferenceYear = page.getByRole("textbox", { name: "Year of the conference" });
  await conferenceYear.fill("2009");
  await conferenceYear.blur();
  await expect(
    page.getByText(
      "The year of the conference cannot be earlier than 2010 (the year your continuing education began)",
    ),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "Days of the conference" }).fill("2");
  await expect(
    page.getByText("Expected: 20 credits as Professional subjects (专业科目)"),
  ).toBeVisible();
  await expectNoRawKeys(page);

  // 学分证明 of a year not complete: refused, in English.
  await page.goto(`/account/ce/certificate/${thisYear}`);
  await expect(
    page.getByText(`Continuing education in ${thisYear} is “In progress”`),
  ).toBeVisible();
  await expectNoRawKeys(page);

  await chooseLanguage(page, "zh-Hant");
  await page.goto("/account/ce");
  await expect(page.getByRole("heading", { name: "繼續教育", level: 1 })).toBeVisible();
  const hant = page.getByRole("region", { name: `${thisYear}年度`, exact: true });
  await expect(hant.getByText("進行中", { exact: true })).toBeVisible();
  await expect(page.getByText("您自2010年起參加繼續教育。")).toBeVisible();
});
