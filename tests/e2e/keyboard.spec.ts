import type { Locator, Page } from "@playwright/test";
import { E2E } from "./support/env";
import { expect, test } from "./support/test";
import { newIdNumber, newPhone, PASSWORD, smsCodeFor } from "./support/accounts";
import { imageFiles, startCollection } from "./support/collection";

// With a keyboard only (issue 13, 3): Tab to move, Space to choose, Enter to go on, and typing.
// Focus never falls to <body> between steps: after 下一步 it is on the new step's heading, after
// 获取短信验证码 on the code field, after 注册 on 注册完成.

/** Presses Tab until `target` has focus, as a person tabbing through the page would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

test("用户注册 from start to account created with Tab, Space and Enter", async ({ page }) => {
  const idNumber = newIdNumber();
  const phone = newPhone();
  await page.goto("/register");

  const works = page.getByRole("radiogroup", { name: /从事会计工作/ });
  const holds = page.getByRole("radiogroup", { name: /资格证书/ });
  await tabTo(page, works.getByRole("radio", { name: "是" }));
  await page.keyboard.press("Space");
  await tabTo(page, holds.getByRole("radio", { name: "是" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "下一步" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "填写注册信息" })).toBeFocused();

  await tabTo(page, page.getByLabel("姓名"));
  await page.keyboard.type("林晓峰");
  await tabTo(page, page.getByLabel("证件号码"));
  await page.keyboard.type(idNumber);
  await tabTo(page, page.getByLabel("手机号码"));
  await page.keyboard.type(phone);
  await expect(page.getByRole("img", { name: "图形验证码图片" })).toBeVisible();
  await tabTo(page, page.getByRole("textbox", { name: "图形验证码", exact: true }));
  await page.keyboard.type(E2E.captcha);
  await tabTo(page, page.getByRole("button", { name: "获取短信验证码" }));
  await page.keyboard.press("Enter");
  const code = page.getByRole("textbox", { name: "短信验证码" });
  await expect(code).toBeFocused();
  await page.keyboard.type(await smsCodeFor(phone));
  await tabTo(page, page.getByRole("textbox", { name: "设置密码" }));
  await page.keyboard.type(PASSWORD);
  await tabTo(page, page.getByRole("textbox", { name: "确认密码" }));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");

  await expect(page.getByText("注册成功")).toBeVisible();
  await expect(page.getByRole("heading", { name: "注册完成" })).toBeFocused();
  // the account exists: 去登录, and in, by keyboard too
  await tabTo(page, page.getByRole("link", { name: "去登录" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login$/);
  await tabTo(page, page.getByLabel("证件号码"));
  await page.keyboard.type(idNumber);
  await tabTo(page, page.getByRole("textbox", { name: "密码", exact: true }));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
});

test("裁剪证件照 keeps focus inside, shows all it focuses, and gives focus back", async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  await startCollection(page);
  const files = await imageFiles();
  const choose = page.getByRole("button", { name: /^上传\s*本人免冠证件照/ });
  await tabTo(page, choose);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(files.headshot);
  const dialog = page.getByRole("dialog", { name: "裁剪证件照" });
  await expect(dialog).toBeVisible();
  await a11y(page, "crop dialog open");
  // Nothing outside it can take focus, by any means: the page is inert while it is open …
  const header = page.locator("body > header");
  await expect(header).toHaveAttribute("inert", "");

  // Round and round both ways: every stop is inside the dialog, and can be seen.
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(key);
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const box = el?.getBoundingClientRect();
        return {
          inDialog: Boolean(el?.closest('[role="dialog"]')),
          seen: Boolean(el?.checkVisibility() && box && box.width > 1 && box.height > 1),
          what: el?.outerHTML.slice(0, 120) ?? "",
        };
      });
      expect(where.inDialog, `${key} ${i}: ${where.what}`).toBe(true);
      expect(where.seen, `${key} ${i}: ${where.what}`).toBe(true);
    }
  }
  // Esc closes it: focus is back where it was, not lost on <body>
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(choose).toBeFocused();
  // … and no longer once it has closed.
  await expect(header).not.toHaveAttribute("inert", "");
});
