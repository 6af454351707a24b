import { expect, test } from "./support/test";
import {
  createPerson,
  loginThroughUi,
  newPhone,
  requestSmsCode,
  smsCodeFor,
} from "./support/accounts";

test(
  "找回密码 with the registered phone, then log in with the new password",
  { tag: "@phone" },
  async ({ page }) => {
    const { idNumber, phone } = await createPerson(page);
    await page.goto("/login");
    await page.getByRole("link", { name: "找回密码" }).click();
    await expect(page.getByRole("heading", { name: "找回密码" })).toBeVisible();
    await page.getByLabel("证件号码").fill(idNumber);
    await page.getByLabel("注册手机号码").fill(phone);
    await requestSmsCode(page);
    await page.getByLabel("短信验证码").fill(await smsCodeFor(phone));
    await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Reset-Pass-88");
    await page.getByLabel("确认新密码").fill("Reset-Pass-88");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByText("密码已重置")).toBeVisible();
    await loginThroughUi(page, idNumber, "Reset-Pass-88");
  },
);

test("修改密码 ends the session on the other device", async ({ page, browser }) => {
  const { idNumber, password } = await createPerson(page);
  await loginThroughUi(page, idNumber, password);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginThroughUi(otherPage, idNumber, password);

  await page.goto("/account/security");
  await page.getByRole("link", { name: "修改密码" }).click();
  await page.getByLabel("当前密码").fill(password);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Changed-Pass-77");
  await page.getByLabel("确认新密码").fill("Changed-Pass-77");
  await page.getByRole("button", { name: "确认修改" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login/);
  // this device stays logged in
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();
  await other.close();
});

test(
  "更换手机号 with the password and a code sent to the new number",
  { tag: "@phone" },
  async ({ page }) => {
    const { idNumber, password } = await createPerson(page);
    await loginThroughUi(page, idNumber, password);
    await page.goto("/account/security/phone");
    const newNumber = newPhone();
    await page.getByLabel("登录密码").fill(password);
    await page.getByLabel("新手机号码").fill(newNumber);
    await requestSmsCode(page);
    await page.getByLabel("短信验证码").fill(await smsCodeFor(newNumber));
    await page.getByRole("button", { name: "确认更换" }).click();
    await expect(page.getByText("手机号码已更换")).toBeVisible();
    await expect(
      page.getByText(`当前绑定：${newNumber.slice(0, 3)}****${newNumber.slice(-4)}`),
    ).toBeVisible();
  },
);
