import { readFileSync } from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  answerEligibility,
  createPerson,
  loginThroughUi,
  newPhone,
  PASSWORD,
  requestSmsCode,
} from "./support/accounts";
import { expectNoSidewaysScroll, imageFiles } from "./support/collection";
import { E2E } from "./support/env";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// 账号申诉 (issue 12, 13): someone registered the person's 证件号码 first. At 注册 the person meets
// 该证件号码已注册, goes to 账号申诉, proves a new phone, sends the three photos and gets a 申诉编号;
// the province's office (the account registered at the jurisdiction's level) reassigns the account
// to that phone — the squatter's session ends, the old phone is told — and the person sets a
// password with 找回密码 and logs in. An office outside the account's region sees nothing.

/** The province's demo office (lib/seed/demo.ts): every role, 440000. */
const PROVINCE = "gd-admin";

/**
 * The newest code sent to a phone: the appeal's notices carry a 申诉编号 whose digits the shared
 * smsCodeFor would take for a code, so only a message with 验证码为 counts.
 */
async function codeFor(phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const newest = readFileSync(E2E.outbox, "utf8")
        .trim()
        .split("\n")
        .reverse()
        .map((l) => JSON.parse(l) as { to: string; text: string })
        .find((m) => m.to === phone);
      code = newest ? /验证码为(\d{6})/.exec(newest.text)?.[1] : undefined;
      return code;
    })
    .toBeTruthy();
  return code!;
}

function messagesTo(phone: string): string[] {
  return readFileSync(E2E.outbox, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { to: string; text: string })
    .filter((m) => m.to === phone)
    .map((m) => m.text);
}

/** 注册 with a number someone else holds: refused at the field, with 账号申诉 beside it. */
async function meetIdRegistered(page: Page, idNumber: string, phone: string) {
  await page.goto("/register");
  await answerEligibility(page, "是", "是");
  await page.getByLabel("姓名").fill("林真");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByLabel("手机号码").fill(phone);
  await requestSmsCode(page);
  await page.getByLabel("短信验证码").fill(await codeFor(phone));
  await page.getByLabel("设置密码").fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.locator("#idNumber-error")).toHaveText("该证件号码已注册");
}

test(
  "该证件号码已注册 → 账号申诉 → the province reassigns → the appellant sets a password and logs in",
  { tag: "@phone" },
  async ({ page, browser }, testInfo) => {
    test.setTimeout(300_000);
    // The squatter registers the number and stays logged in on their own device.
    const squatterContext = await browser.newContext();
    const squatter = await squatterContext.newPage();
    const taken = await createPerson(squatter, { name: "冒用者" });
    await loginThroughUi(squatter, taken.idNumber, taken.password);

    // The real owner meets the refusal and follows 账号申诉.
    const phone = newPhone();
    await meetIdRegistered(page, taken.idNumber, phone);
    await page.getByRole("link", { name: "账号申诉" }).click();
    await expect(page).toHaveURL(/\/appeal$/);
    await expect(page.getByRole("heading", { name: "账号申诉" })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.getByLabel("姓名").fill("林真");
    await page.getByLabel("证件号码").fill(taken.idNumber);
    await page.getByLabel("本人手机号码").fill(phone);
    await requestSmsCode(page);
    await page.getByLabel("短信验证码").fill(await codeFor(phone));
    await page.getByRole("button", { name: "下一步" }).click();

    const files = await imageFiles();
    const submit = page.getByRole("button", { name: "提交申诉" });
    await expect(submit).toBeDisabled();
    for (const label of ["证件正面照片", "证件背面照片", "本人手持证件照片"]) {
      await page.getByLabel(new RegExp(`^${label}`)).setInputFiles(files.documentPageJpeg);
      await expect(page.getByLabel(new RegExp(`^${label}`))).toHaveAccessibleDescription(/已上传/, {
        timeout: 20_000,
      });
    }
    await submit.click();
    await expect(page.getByText("申诉已提交")).toBeVisible();
    const appealNumber = (await page.getByTestId("appeal-number").textContent())!.trim();
    expect(appealNumber).toMatch(/^SS\d{14}$/);
    expect(messagesTo(phone).at(-1)).toContain(appealNumber);

    // 天河区's office is below the account's region (the province): the appeal is not theirs.
    const county = await staffBrowser(browser, testInfo);
    await staffLogin(county.page, STAFF.tianhe, "/console/appeals");
    await expect(county.page.getByRole("heading", { name: "账号申诉" })).toBeVisible();
    await expect(county.page.getByText(appealNumber)).toHaveCount(0);
    await county.context.close();

    // The province's office opens it from the queue, compares, and reassigns.
    const { context, page: staff } = await staffBrowser(browser, testInfo);
    await staffLogin(staff, PROVINCE, "/console/appeals");
    await staff
      .getByRole("navigation", { name: "财政部门菜单" })
      .getByRole("link", { name: "账号申诉" })
      .click();
    await staff.getByRole("link", { name: `审核账号申诉${appealNumber}` }).click();
    await expect(staff.getByRole("heading", { name: "审核账号申诉" })).toBeVisible();
    await expect(staff.getByText("冒用者")).toBeVisible();
    await expect(staff.getByText(taken.idNumber)).toHaveCount(0);
    for (const label of ["证件正面照片", "证件背面照片", "本人手持证件照片"]) {
      const img = staff.getByRole("img", { name: label });
      await expect(img).toBeVisible();
      // drawn, not merely laid out: the photo's bytes arrived and decoded
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)))
        .toBeGreaterThan(0);
    }
    // 不通过 needs a reason: said at the field, nothing decided.
    await staff.getByRole("button", { name: "不通过" }).click();
    await expect(staff.getByRole("textbox", { name: "审核意见" })).toHaveAccessibleDescription(
      /请填写不通过的理由/,
    );
    staff.once("dialog", (d) => void d.accept());
    await staff.getByRole("button", { name: "通过（改绑手机号）" }).click();
    await expect(staff).toHaveURL(/\/console\/appeals\?done=reassign$/);
    await expect(staff.getByText("已办理：通过（账号已改绑）。")).toBeVisible();
    await context.close();

    // The squatter's session is over; their phone was told.
    await squatter.goto("/account");
    await expect(squatter).toHaveURL(/\/login/);
    expect(messagesTo(taken.phone).at(-1)).toContain("已改绑至其他手机号码");
    await squatterContext.close();

    // The appellant: 找回密码 with the new phone, then 登录.
    expect(messagesTo(phone).at(-1)).toContain("已通过");
    await page.goto("/forgot-password");
    await page.getByLabel("证件号码").fill(taken.idNumber);
    await page.getByLabel("注册手机号码").fill(phone);
    await requestSmsCode(page);
    await page.getByLabel("短信验证码").fill(await codeFor(phone));
    await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Appeal-Pass-66");
    await page.getByLabel("确认新密码").fill("Appeal-Pass-66");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByText("密码已重置")).toBeVisible();
    await loginThroughUi(page, taken.idNumber, "Appeal-Pass-66");
    await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();

    // 申诉进度查询 says the same.
    await page.goto("/appeal/status");
    await page.getByLabel("申诉编号").fill(appealNumber);
    await page.getByLabel("申诉时填写的手机号码").fill(phone);
    await requestSmsCode(page);
    await page.getByLabel("短信验证码").fill(await codeFor(phone));
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByText(`申诉编号 ${appealNumber}：已通过（账号已改绑）`)).toBeVisible();
  },
);
