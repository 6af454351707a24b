import { type Browser, expect, type Page, type TestInfo } from "@playwright/test";
import { E2E } from "./env";

/** Demo finance staff seeded on the embedded default (lib/seed/demo.ts). */
export const STAFF = {
  tianhe: "th-ce",
  guangzhou: "gz-ce",
  foshan: "fs-ce",
} as const;
export const STAFF_PASSWORD = "Caizheng@2026";

/** A second browser (the finance office's), the size of this project's screen. */
export async function staffBrowser(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ viewport: testInfo.project.use.viewport ?? null });
  return { context, page: await context.newPage() };
}

/** 财政部门登录 through the form; answers the captcha if an earlier failure asks for it. */
export async function staffLogin(page: Page, username: string, to = "/console") {
  // Already sent to the login by a console page: it knows where to come back to.
  if (!page.url().includes("/console/login?next=")) {
    await page.goto(`/console/login?next=${encodeURIComponent(to)}`);
  }
  await page.getByRole("textbox", { name: "登录名" }).fill(username);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const captcha = page.getByRole("textbox", { name: "图形验证码" });
  const menu = page.getByRole("navigation", { name: "财政部门菜单" });
  await expect(menu.or(captcha)).toBeVisible();
  if (await captcha.isVisible()) {
    await captcha.fill(E2E.captcha);
    await page.getByRole("textbox", { name: "密码", exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  }
  await expect(menu).toBeVisible();
}
