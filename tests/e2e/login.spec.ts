import { expect, test } from "./support/test";
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

test("logged in, the portal knows it: name, 个人中心 and 退出登录; 登录 and 用户注册 send you home", async ({
  page,
}) => {
  const name = "邓思远";
  const { idNumber, password } = await registerThroughUi(page, { name });
  // not logged in: the portal offers 登录 and 用户注册, the footer 财政部门登录
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "门户导航" });
  await expect(nav.getByRole("link", { name: "登录", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "财政部门登录" })).toBeVisible();

  await loginThroughUi(page, idNumber, password);
  await page.goto("/");
  await expect(nav.getByText(name)).toBeVisible();
  await expect(nav.getByRole("link", { name: "个人中心" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "登录", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "用户注册" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "登录办理" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "登录后办理" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "办理信息变更" })).toHaveAttribute(
    "href",
    "/account/change",
  );
  await expect(page.getByRole("link", { name: "财政部门登录" })).toHaveCount(0);

  // /login and /register lead a logged-in person home instead of showing empty forms
  await page.goto("/register");
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/login?next=/account/security");
  await expect(page).toHaveURL(/\/account\/security$/);

  // 退出登录 from the portal header: the portal offers 登录 again
  await page.goto("/");
  await nav.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(nav.getByRole("link", { name: "登录", exact: true })).toBeVisible();
});
