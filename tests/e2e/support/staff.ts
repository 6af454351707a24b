import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Browser, expect, type Page, type TestInfo } from "@playwright/test";
import { generateSync } from "otplib";
import { E2E } from "./env";

/** Demo finance staff seeded on the embedded default (lib/seed/demo.ts). */
export const STAFF = {
  tianhe: "th-ce",
  guangzhou: "gz-ce",
  foshan: "fs-ce",
} as const;
export const STAFF_PASSWORD = "Caizheng@2026";
/** The demo staff's enrolled TOTP secret, printed at start like their password (lib/seed/demo.ts). */
export const DEMO_TOTP_SECRET = "KUAIJIDEMOCAIZHENGTOTPSECRET2345";

/** A second browser (the finance office's), the size of this project's screen. */
export async function staffBrowser(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ viewport: testInfo.project.use.viewport ?? null });
  return { context, page: await context.newPage() };
}

/** What the phone's authenticator shows now, or `ahead` 30-second steps later. */
export function totpNow(secret: string, ahead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + ahead * 30 });
}

/**
 * 输入动态验证码, 验证, and on to the console. Each code is accepted once per account: when this
 * account logged in earlier within the same 30 seconds (another test, another browser), the
 * server refuses it, and the phone's next code — one step ahead, inside the ±1 window — is typed
 * instead; failing that, the test waits for the next step, as a person would.
 */
export async function enterTotp(page: Page, secret: string) {
  const field = page.getByRole("textbox", { name: "动态验证码" });
  const replayed = page.getByText("该动态验证码已使用过");
  const menu = page.getByRole("navigation", { name: "财政部门菜单" });
  for (const attempt of [0, 1, 2]) {
    if (attempt === 2) await page.waitForTimeout(30_500 - (Date.now() % 30_000));
    // typing clears the previous answer at the field (components/form/use-form.ts)
    await field.fill(totpNow(secret, attempt === 0 ? 0 : 1));
    await page.getByRole("button", { name: "验证", exact: true }).click();
    await expect(menu.or(replayed)).toBeVisible();
    if (await menu.isVisible()) return;
  }
  throw new Error("动态验证码 refused as used three times");
}

/**
 * 财政部门登录 through the forms: 登录名 + 密码 (answering the captcha if an earlier failure asks
 * for it), then the 动态验证码 computed from the account's secret, as the phone would.
 */
export async function staffLogin(
  page: Page,
  username: string,
  to = "/console",
  secret = DEMO_TOTP_SECRET,
  password = STAFF_PASSWORD,
) {
  // Already sent to the login by a console page: it knows where to come back to.
  if (!page.url().includes("/console/login?next=")) {
    await page.goto(`/console/login?next=${encodeURIComponent(to)}`);
  }
  await page.getByRole("textbox", { name: "登录名" }).fill(username);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const captcha = page.getByRole("textbox", { name: "图形验证码" });
  const code = page.getByRole("textbox", { name: "动态验证码" });
  await expect(code.or(captcha)).toBeVisible();
  if (await captcha.isVisible()) {
    await captcha.fill(E2E.captcha);
    await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  }
  await enterTotp(page, secret);
}

/**
 * `npm run staff -- create` against the 广东 platform the tests run, as its operator would; the
 * initial password it prints once.
 */
export function createStaffAccount(username: string, regionCode: string, roles: string): string {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "./scripts/server-only/register.mjs",
      "--import",
      "tsx",
      "scripts/staff.ts",
      "create",
      "--username",
      username,
      "--name",
      "赵新",
      "--region",
      regionCode,
      "--roles",
      roles,
    ],
    {
      env: {
        ...process.env,
        KUAIJI_DATA_DIR: path.join(E2E.dataDir, "demo", "guangdong"),
        KUAIJI_DB_PORT: String(E2E.dbPort),
      },
      encoding: "utf8",
      stdio: "pipe",
      timeout: 120_000,
    },
  );
  const password = /初始密码[^:]*: (\S+)/.exec(out)?.[1];
  if (!password) throw new Error(`npm run staff printed no password:\n${out}`);
  return password;
}

/**
 * A new colleague's first login, as they meet it: the initial password, 修改初始密码, 绑定动态验证码
 * (the secret read off the page, as the phone would scan it), 恢复码 saved, into the console.
 * Returns the enrolled secret for later logins.
 */
export async function firstLogin(
  page: Page,
  username: string,
  initial: string,
  password: string,
): Promise<string> {
  await page.goto("/console/login");
  await page.getByRole("textbox", { name: "登录名" }).fill(username);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(initial);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("heading", { name: "修改初始密码" })).toBeVisible();
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(password);
  await page.getByLabel("确认新密码").fill(password);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByRole("heading", { name: "绑定动态验证码" })).toBeVisible();
  const shown = page.getByRole("textbox", { name: /输入以下密钥/ });
  const secret = (await shown.inputValue()).replace(/\s/g, "");
  await page.getByRole("textbox", { name: "动态验证码" }).fill(totpNow(secret));
  await page.getByRole("button", { name: "完成绑定" }).click();
  await expect(page.getByRole("list", { name: "恢复码" }).getByRole("listitem")).toHaveCount(10);
  await page.getByLabel("我已妥善保存恢复码").check();
  await page.getByRole("button", { name: "进入管理端" }).click();
  await expect(page.getByRole("navigation", { name: "财政部门菜单" })).toBeVisible();
  return secret;
}
