import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";

// A form whose schema is fetched after the page shows (components/form/form-schema.ts): a field
// left, or a submit pressed, before the schema has arrived is checked once it has — the person
// sees the messages at the fields as on any form, and nothing goes to the server unchecked.

/**
 * The chunks `path` loads first are in its HTML; the others — the schema's among them — are held
 * back until `release()`. `held` lists those asked for meanwhile.
 */
async function holdLaterChunks(page: Page, request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const first = new Set([...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held: string[] = [];
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const chunk = new URL(route.request().url()).pathname;
    if (!first.has(chunk)) {
      held.push(chunk);
      await released;
    }
    await route.continue();
  });
  return { held, release };
}

/** React has attached its handlers to the element. */
async function hydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))))
    .toBe(true);
}

test("找回密码: a field left before its rules arrived is checked when they do", async ({
  page,
  request,
}) => {
  const { held, release } = await holdLaterChunks(page, request, "/forgot-password");

  await page.goto("/forgot-password", { waitUntil: "domcontentloaded" });
  const phone = page.getByLabel("注册手机号码");
  await hydrated(phone);
  await phone.fill("2380013800");
  await phone.blur();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const message = page.getByText("手机号码应为11位数字");
  await expect(message).toBeHidden();

  release();
  await expect(message).toBeVisible();

  // and from then on at once, as on any form
  await phone.fill("23800138000");
  await phone.blur();
  await expect(page.getByText("请输入手机号码（以1开头的11位号码）")).toBeVisible();
});

test("登录: pressed before its rules arrived, the form is checked when they do", async ({
  page,
  request,
}) => {
  const { held, release } = await holdLaterChunks(page, request, "/login");
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));

  await page.goto("/login", { waitUntil: "domcontentloaded" });
  const login = page.getByRole("button", { name: "登录", exact: true });
  await hydrated(login);
  await login.click();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(page.getByText("请输入证件号码")).toBeHidden();

  release();
  await expect(page.getByText("请输入证件号码")).toBeVisible();
  await expect(page.getByLabel("证件号码")).toBeFocused();
  expect(posts, "nothing was sent to the server").toEqual([]);
});
