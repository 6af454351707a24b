import { expect, test } from "@playwright/test";
import { E2E } from "./support/env";
import { loginThroughUi, registerThroughUi } from "./support/accounts";

test("five wrong passwords lock the account, with a captcha after the first", async ({ page }) => {
  const { idNumber, password } = await registerThroughUi(page);
  await page.goto("/login");
  await page.getByLabel("证件号码").fill(idNumber);
  for (let i = 1; i <= 5; i++) {
    await page.getByRole("textbox", { name: "密码", exact: true }).fill(`Wrong-${i}-pass`);
    if (i > 1)
      await page.getByRole("textbox", { name: "图形验证码", exact: true }).fill(E2E.captcha);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    if (i < 5) await expect(page.getByText(`还可尝试 ${5 - i} 次`)).toBeVisible();
    // after the first failure the graphic captcha is asked for
    await expect(page.getByRole("textbox", { name: "图形验证码", exact: true })).toBeVisible();
  }
  await expect(page.getByText(/账户已锁定/)).toBeVisible();
  // the right password does not open a locked account
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("textbox", { name: "图形验证码", exact: true }).fill(E2E.captcha);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText(/账户已锁定/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("pages behind login send the visitor to 登录 and back", async ({ page }) => {
  const { idNumber, password } = await registerThroughUi(page);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
});

test("退出登录 ends the session: the old cookie opens nothing", async ({ page, context }) => {
  const { idNumber, password } = await registerThroughUi(page);
  await loginThroughUi(page, idNumber, password);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(cookies); // replay the old token
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});
