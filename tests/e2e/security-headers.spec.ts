import { type Page, type Response } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  answerEligibility,
  loginThroughUi,
  newIdNumber,
  registerThroughUi,
} from "./support/accounts";
import { fillNotice, fillPersonal } from "./support/collection";
import { staffBrowser, staffLogin, STAFF } from "./support/staff";

// The security headers (issue 12, 11; lib/http/security-headers.ts) on the pages people use:
// no script-src allows inline code, prerendered pages stay prerendered (their scripts allowed by
// hash) and pages rendered per request carry a nonce — and on every one of them nothing is
// refused by the policy, no error reaches the console and the page still answers its user.

/**
 * What a wrong policy would cause: the browser reports each refusal to the page as a
 * securitypolicyviolation event (Playwright's init scripts are not subject to the page's policy),
 * which this turns into a console error, and console errors and uncaught exceptions are collected.
 */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Content-Security-Policy refused ${e.blockedURI || "inline"} (${e.effectiveDirective}): ${e.sample}`,
      );
    });
  });
  page.on("console", (m) => {
    // An HTTP status the test provokes (a wrong password's 401, the not-found page's 404, the
    // favicon the platform lacks) is no fault of the page; what the policy blocks is reported as
    // a violation above.
    if (
      m.type() !== "error" ||
      m.text().startsWith("Failed to load resource: the server responded")
    )
      return;
    problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

/** The response's script-src, after checking what every page's headers must hold. */
function scriptSrc(response: Response | null): string {
  expect(response, "a navigation response").not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const script = policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src "));
  expect(script, `script-src of ${response!.url()}`).toBeDefined();
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["referrer-policy"]).toBe("same-origin");
  return script!;
}

/** A prerendered page: served from the cache, its scripts allowed by their hashes. */
function expectPrerendered(response: Response | null) {
  const script = scriptSrc(response);
  expect(script).toMatch(/'sha256-[A-Za-z0-9+/]+={0,2}'/);
  expect(script).not.toContain("'nonce-");
  // Next.js marks a response served from its prerender cache (twice, on a notice first rendered
  // at run time: Playwright joins the two with a newline).
  expect(response!.headers()["x-nextjs-prerender"]).toMatch(/^1(\n1)*$/);
}

/** A page rendered for this request: its scripts carry the request's nonce. */
function expectNonce(response: Response | null) {
  const script = scriptSrc(response);
  expect(script).toMatch(/'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
  expect(response!.headers()["x-nextjs-prerender"]).toBeUndefined();
}

test("the portal, 通知公告, 登录 and 注册 stay prerendered and work under a strict policy", async ({
  page,
}) => {
  const problems = await watchForProblems(page);

  expectPrerendered(await page.goto("/"));
  // The portal's links navigate in the page (client-side), keeping the portal's policy.
  await page.getByRole("link", { name: "登录办理" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("请输入证件号码")).toBeVisible(); // checked in the browser

  expectPrerendered(await page.goto("/login"));
  await page.getByLabel("证件号码").fill(newIdNumber());
  await page.getByRole("textbox", { name: "密码", exact: true }).fill("Wrong-pass-1");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("证件号码或密码错误")).toBeVisible();

  expectPrerendered(await page.goto("/notices"));
  // A notice the demo seeds: rendered on its first visit, then served from the cache.
  await page.locator('main a[href^="/notices/"]').first().click();
  await expect(page).toHaveURL(/\/notices\/.+/);
  expectPrerendered(await page.reload());

  // 注册 with its captcha: an SVG data: URL in an <img>, drawn under the policy.
  expectPrerendered(await page.goto("/register"));
  await answerEligibility(page, "是", "否");
  const captcha = page.getByRole("img", { name: "图形验证码图片" });
  await expect(captcha).toBeVisible();
  await expect
    .poll(() => captcha.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await registerThroughUi(page);

  // A path nobody serves: the not-found page, under the same rules.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  scriptSrc(missing);
  await expect(page.getByRole("heading", { name: /页面不存在/ })).toBeVisible();

  expect(problems).toEqual([]);
});

test("财政部门登录 and 统计分析's charts run under the policy", async ({ browser }, testInfo) => {
  const { context, page } = await staffBrowser(browser, testInfo);
  const problems = await watchForProblems(page);

  expectPrerendered(await page.goto("/console/login"));
  await staffLogin(page, STAFF.tianhe, "/console/stats");
  await expect(page).toHaveURL(/\/console\/stats$/);
  expectNonce(await page.reload());
  await expect(page.getByRole("heading", { name: "统计分析" })).toBeVisible();
  // ECharts draws each chart as SVG in the browser; hovering opens its HTML tooltip.
  // a chart's own box (ECharts marks it), not an icon of the page
  const chart = page.locator("[_echarts_instance_] svg").first();
  await expect(chart).toBeVisible({ timeout: 20_000 });
  await chart.hover();
  await page.mouse.move(
    ((await chart.boundingBox())?.x ?? 0) + 60,
    ((await chart.boundingBox())?.y ?? 0) + 60,
  );

  expect(problems).toEqual([]);
  await context.close();
});

test("an accountant's pages and 信息采集's photo crop run under the policy", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchForProblems(page);
  const me = await registerThroughUi(page);
  await loginThroughUi(page, me.idNumber, me.password);

  expectNonce(await page.goto("/account"));
  expectNonce(await page.goto("/account/collection"));
  await fillNotice(page);
  // The headshot is cropped in a dialog (a blob: preview, react-remove-scroll's <style>), the
  // three files uploaded and their thumbnails shown.
  await fillPersonal(page);
  await expect(page).toHaveURL(/\/account\/collection\/education$/);

  expect(problems).toEqual([]);
});

test("markup injected with inline code does not run, and the watcher sees the refusal", async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  // a prerendered page (its scripts by hash) and one rendered per request (by nonce)
  for (const path of ["/", "/dev/sms"]) {
    await page.goto(path);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img src="data:," alt="" onerror="document.title='injected'">`,
      );
    });
    await expect
      .poll(() => problems.filter((p) => p.includes("(script-src-attr)")).length)
      .toBeGreaterThan(0);
    await expect(page).not.toHaveTitle("injected");
    problems.length = 0;
  }
});

test("Strict-Transport-Security is not sent over http, whatever the client claims", async ({
  request,
}) => {
  for (const path of ["/", "/login", "/account"]) {
    const plain = await request.get(path, { maxRedirects: 0 });
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const forged = await request.get(path, {
      maxRedirects: 0,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(forged.headers()["strict-transport-security"]).toBeUndefined();
    expect(forged.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  }
});
