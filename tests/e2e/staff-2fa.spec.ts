import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createStaffAccount, enterTotp, totpNow } from "./support/staff";

// Two factors for finance staff, as a new colleague meets them: the operator creates the account
// (`npm run staff`), the first login replaces the initial password and enrols an authenticator
// (QR code, the secret as text, ten recovery codes shown once), and a recovery code stands in
// for a lost phone exactly once.

const NEW_PASSWORD = "Mein-Eigenes-2026";

async function passwordStep(page: Page, username: string, password: string) {
  await page.goto("/console/login");
  await page.getByRole("textbox", { name: "登录名" }).fill(username);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/console\/login$/);
}

test("first login: new password, enrolment, console; wrong codes refused; a recovery code once", async ({
  page,
}, testInfo) => {
  const username = `e2e-${testInfo.project.name.slice(0, 1)}-${Date.now().toString(36)}`;
  const initial = createStaffAccount(username, "440106", "ce-review");

  await passwordStep(page, username, initial);
  await expect(page.getByRole("heading", { name: "修改初始密码" })).toBeVisible();
  // nothing of the console opens before the steps are done, and no step can be skipped
  await page.goto("/console");
  await expect(page).toHaveURL(/\/console\/login\?next=%2Fconsole$/);
  await page.goto("/console/login/enrol");
  await expect(page).toHaveURL(/\/console\/login\/password\?next=/);

  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("确认新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();

  await expect(page.getByRole("heading", { name: "绑定动态验证码" })).toBeVisible();
  await expect(page.getByRole("img", { name: "动态验证码绑定二维码" })).toBeVisible();
  const shown = page.getByRole("textbox", { name: /输入以下密钥/ });
  const secret = (await shown.inputValue()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const code = page.getByRole("textbox", { name: "动态验证码" });
  const wrong = totpNow(secret, 20); // ten minutes ahead: outside the ±1 window
  await code.fill(wrong);
  await page.getByRole("button", { name: "完成绑定" }).click();
  await expect(page.getByText(/动态验证码错误.*还可尝试 4 次/)).toBeVisible();
  await expect(code).toHaveValue(wrong);
  await code.fill(totpNow(secret));
  await page.getByRole("button", { name: "完成绑定" }).click();

  const list = page.getByRole("list", { name: "恢复码" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recovery = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  for (const c of recovery) expect(c).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
  await expect(page.getByRole("button", { name: "复制" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载" }).click();
  expect((await download).suggestedFilename()).toBe("恢复码.txt");
  const enter = page.getByRole("button", { name: "进入管理端" });
  await expect(enter).toBeDisabled();
  await page.getByLabel("我已妥善保存恢复码").check();
  await enter.click();
  await expect(page.getByRole("navigation", { name: "财政部门菜单" })).toBeVisible();
  await logout(page);

  // the phone is not at hand: a recovery code in place of the 动态验证码
  await passwordStep(page, username, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "输入动态验证码" })).toBeVisible();
  await code.fill(totpNow(secret, 20));
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByText(/动态验证码错误，还可尝试 4 次/)).toBeVisible();
  await code.fill(recovery[0]!);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("剩余 9 个恢复码");
  await page.getByRole("button", { name: "继续" }).click();
  await expect(page.getByRole("navigation", { name: "财政部门菜单" })).toBeVisible();
  await logout(page);

  // the same recovery code a second time is refused at the field; the phone's code works
  await passwordStep(page, username, NEW_PASSWORD);
  await code.fill(recovery[0]!);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByText(/恢复码错误或已使用/)).toBeVisible();
  await enterTotp(page, secret);
});
