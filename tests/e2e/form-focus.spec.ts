import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { answerEligibility, newIdNumber } from "./support/accounts";
import { newCollectedPerson } from "./support/collection";

// Errors that take you there (issue 13, 3): after a refused submit, focus is on the first field
// marked invalid — not left on the button while the error is a screen away — and a message says
// how many need fixing (components/form/focus-invalid.ts, InvalidSummary).

/** The live message counting the fields still marked. */
const summary = (page: Page, count: number) =>
  page.getByRole("alert").filter({ hasText: `还有 ${count} 处需要修改` });

test(
  "用户注册: both steps take focus to the first question or field to fix",
  { tag: "@phone" },
  async ({ page, a11y }) => {
    await page.goto("/register");
    await page.getByRole("button", { name: "下一步" }).click();
    const works = page.getByRole("radiogroup", { name: /从事会计工作/ });
    await expect(works.getByRole("radio", { name: "是" })).toBeFocused();
    await expect(summary(page, 2)).toBeVisible();
    await expect(works).toHaveAccessibleDescription("请选择“是”或“否”");
    await a11y(page, "eligibility refused");
    // one answered: the other one is where focus goes, and one is left to fix
    await page
      .getByRole("radiogroup", { name: /资格证书/ })
      .getByRole("radio", { name: "否" })
      .check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(works.getByRole("radio", { name: "是" })).toBeFocused();
    await expect(summary(page, 1)).toBeVisible();

    await works.getByRole("radio", { name: "是" }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    // the step changed: focus is on its heading, not lost on <body>
    await expect(page.getByRole("heading", { name: "填写注册信息" })).toBeFocused();
    await page.getByLabel("姓名").fill("周杰");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByLabel("证件号码")).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: /还有 \d+ 处需要修改/ })).toBeVisible();
    await a11y(page, "registration refused");
    await expect(page.getByLabel("姓名")).toHaveValue("周杰");
  },
);

test(
  "登录: focus goes to the first empty field, and after a wrong password to 密码",
  { tag: "@phone" },
  async ({ page, a11y }) => {
    await page.goto("/login");
    const login = page.getByRole("button", { name: "登录", exact: true });
    await login.click();
    await expect(page.getByLabel("证件号码")).toBeFocused();
    await expect(summary(page, 2)).toBeVisible();
    await a11y(page, "login refused");
    await page.getByLabel("证件号码").fill(newIdNumber());
    await login.click();
    const password = page.getByRole("textbox", { name: "密码", exact: true });
    await expect(password).toBeFocused();
    await expect(summary(page, 1)).toBeVisible();
    await password.fill("Wrong-pass-1");
    await login.click();
    await expect(page.getByText(/证件号码或密码错误，还可尝试 4 次/)).toBeVisible();
    await expect(password).toBeFocused();
  },
);

test(
  "申报学分 and 信息变更: focus on the first field to fix, with the count",
  { tag: "@phone" },
  async ({ page, a11y }) => {
    test.setTimeout(360_000);
    await newCollectedPerson(page);

    await page.goto("/account/ce/claim");
    await page.getByRole("button", { name: "提交申报" }).click();
    const kinds = page.getByRole("radiogroup", { name: "学分来源" });
    await expect(kinds.getByRole("radio").first()).toBeFocused();
    await expect(summary(page, 1)).toBeVisible();
    await kinds.getByRole("radio", { name: /参加会计类专业会议/ }).check();
    await page.getByRole("textbox", { name: "主办单位" }).fill("广东省会计学会");
    await page.getByRole("button", { name: "提交申报" }).click();
    // 会议名称 comes before 主办单位 (typed) and 会议天数, 证明材料 (not yet)
    await expect(page.getByRole("textbox", { name: "会议名称" })).toBeFocused();
    await expect(summary(page, 3)).toBeVisible();
    await a11y(page, "claim refused");
    // the photo's field is a hidden file input: focus goes to its visible 上传 button instead
    await page.getByRole("textbox", { name: "会议名称" }).fill("2026年广东省管理会计高峰论坛");
    await page.getByRole("textbox", { name: "会议天数" }).fill("2");
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page.getByRole("button", { name: /^上传\s*证明材料/ })).toBeFocused();
    await expect(summary(page, 1)).toBeVisible();

    await page.goto("/account/change");
    await page.getByRole("link", { name: "变更信息（个人信息）" }).click();
    const email = page.getByRole("textbox", { name: "电子邮箱" });
    await email.fill("not-an-address");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(email).toBeFocused();
    await expect(summary(page, 1)).toBeVisible();
    await a11y(page, "change refused");
  },
);

test("获取短信验证码 with a wrong phone takes focus to the phone", async ({ page }) => {
  await page.goto("/register");
  await answerEligibility(page, "是", "是");
  await page.getByLabel("手机号码").fill("12345");
  // left first: its error then shows, and the button is where it will stay
  await page.getByLabel("手机号码").press("Tab");
  await expect(page.locator("#phone-error")).toBeVisible();
  await expect(page.getByRole("img", { name: "图形验证码图片" })).toBeVisible();
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await expect(page.getByLabel("手机号码")).toBeFocused();
  await expect(summary(page, 1)).toBeVisible();
});
