import { expect, test } from "./support/test";
import { E2E } from "./support/env";
import { createPerson, loginThroughUi, newIdNumber } from "./support/accounts";
import { STAFF_PASSWORD } from "./support/staff";

test("five wrong passwords lock the account, with a captcha after the first", async ({ page }) => {
  const { idNumber, password } = await createPerson(page);
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
  const { idNumber, password } = await createPerson(page);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
});

test("退出登录 ends the session: the old cookie opens nothing", async ({ page, context }) => {
  const { idNumber, password } = await createPerson(page);
  await loginThroughUi(page, idNumber, password);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(cookies); // replay the old token
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test(
  "logged in, the portal knows it: name, 个人中心 and 退出登录; 登录 and 用户注册 send you home",
  { tag: "@phone" },
  async ({ page }) => {
    const name = "邓思远";
    const { idNumber, password } = await createPerson(page, { name });
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
  },
);

// Login captcha surprise (issue 13, 5): the captcha is shown as soon as the number is typed when
// the login will want it, and a refusal for the captcha alone clears nothing typed.

test("a number that failed before: a fresh login page shows the captcha once it is typed", async ({
  page,
  context,
}) => {
  const { idNumber, password } = await createPerson(page);
  await page.goto("/login");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill("Wrong-pass-1");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("还可尝试 4 次", { exact: false })).toBeVisible();

  // another day, another tab: no captcha until the number is typed, then at once
  const fresh = await context.newPage();
  await fresh.goto("/login");
  const captcha = fresh.getByRole("textbox", { name: "图形验证码", exact: true });
  await expect(captcha).toHaveCount(0);
  await fresh.getByLabel("证件号码").fill(idNumber);
  await fresh.keyboard.press("Tab");
  await expect(captcha).toBeVisible();
  await fresh.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await expect(fresh.getByRole("img", { name: "图形验证码图片" })).toBeVisible();
  await captcha.fill(E2E.captcha);
  await fresh.getByRole("button", { name: "登录", exact: true }).click();
  await expect(fresh).toHaveURL(/\/account$/);
});

test(
  "refused only for the captcha: the password stays, and focus goes to the captcha",
  { tag: "@phone" },
  async ({ page, context, a11y }) => {
    // the form was opened (and the number left) before that number's first failure elsewhere
    const idNumber = newIdNumber();
    await page.goto("/login");
    await page.getByLabel("证件号码").fill(idNumber);
    await page.keyboard.press("Tab");
    const other = await context.newPage();
    await other.goto("/login");
    await other.getByLabel("证件号码").fill(idNumber);
    await other.getByRole("textbox", { name: "密码", exact: true }).fill("Wrong-pass-1");
    await other.getByRole("button", { name: "登录", exact: true }).click();
    await expect(other.getByText("还可尝试 4 次", { exact: false })).toBeVisible();

    const password = page.getByRole("textbox", { name: "密码", exact: true });
    await password.fill("Typed-pass-2");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    const captcha = page.getByRole("textbox", { name: "图形验证码", exact: true });
    await expect(captcha).toBeFocused();
    await expect(captcha).toHaveAccessibleDescription("请输入图形验证码");
    await expect(password).toHaveValue("Typed-pass-2");
    await expect(page.getByLabel("证件号码")).toHaveValue(idNumber);
    await a11y(page, "captcha asked for");
  },
);

test("财政部门登录: a 登录名 that failed before shows the captcha once typed", async ({
  page,
  context,
}) => {
  // no such account: the answers are those of a real one (nothing tells them apart)
  const username = `nobody-${Date.now()}`;
  await page.goto("/console/login");
  await page.getByRole("textbox", { name: "登录名" }).fill(username);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText(/登录名或密码错误/)).toBeVisible();

  const fresh = await context.newPage();
  await fresh.goto("/console/login");
  const captcha = fresh.getByRole("textbox", { name: "图形验证码", exact: true });
  await fresh.getByRole("textbox", { name: "登录名" }).fill(username);
  await expect(captcha).toHaveCount(0);
  await fresh.keyboard.press("Tab");
  await expect(captcha).toBeVisible();
});
