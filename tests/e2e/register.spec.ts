import { expect, test } from "./support/test";
import {
  answerEligibility,
  loginThroughUi,
  newIdNumber,
  newPhone,
  PASSWORD,
  registerThroughUi,
  requestSmsCode,
  smsCodeFor,
} from "./support/accounts";

test("neither collection question applies: 无须进行信息采集, and no form", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "用户注册" }).first().click();
  await expect(page).toHaveURL(/\/register/);
  await answerEligibility(page, "否", "否");
  await expect(page.getByText("无须进行信息采集", { exact: true })).toBeVisible();
  await expect(page.getByLabel("姓名")).toHaveCount(0);
});

test(
  "register with the SMS code from the outbox, then log in to 个人中心",
  { tag: "@phone" },
  async ({ page }) => {
    const { idNumber } = await registerThroughUi(page, { name: "欧阳·娜娜" });
    await page.getByRole("link", { name: "去登录" }).click();
    await loginThroughUi(page, idNumber, PASSWORD);
    await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();
    await expect(page.getByText("欧阳·娜娜").first()).toBeVisible();
    // the ID number is shown masked, never in full
    await expect(page.getByText(idNumber)).toHaveCount(0);
    await expect(page.getByText(`${idNumber.slice(0, 4)}`, { exact: false }).first()).toBeVisible();
  },
);

test(
  "field errors in Chinese at the field; typed values survive a refused submit",
  { tag: "@phone" },
  async ({ page }) => {
    await page.goto("/register");
    await answerEligibility(page, "是", "是");
    const id = newIdNumber();
    const wrongCheck = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    await page.getByLabel("姓名").fill("周杰");
    await page.getByLabel("证件号码").fill(wrongCheck);
    await page.getByLabel("手机号码").fill("12345");
    await page.getByLabel("设置密码").fill("abc");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.locator("#idNumber-error")).toContainText("校验");
    await expect(page.locator("#phone-error")).toBeVisible();
    await expect(page.locator("#password-error")).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveValue("周杰");
    await expect(page.getByLabel("证件号码")).toHaveValue(wrongCheck);
  },
);

test("an ID number already registered: 该证件号码已注册 with a way to 找回密码", async ({
  page,
}) => {
  const first = await registerThroughUi(page);
  await page.goto("/register");
  await answerEligibility(page, "是", "是");
  const phone = newPhone();
  await page.getByLabel("姓名").fill("林晓峰");
  await page.getByLabel("证件号码").fill(first.idNumber);
  await page.getByLabel("手机号码").fill(phone);
  await requestSmsCode(page);
  await page.getByLabel("短信验证码").fill(await smsCodeFor(phone));
  await page.getByLabel("设置密码").fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.locator("#idNumber-error")).toHaveText("该证件号码已注册");
  await expect(page.getByRole("link", { name: "找回密码" }).first()).toBeVisible();
});
