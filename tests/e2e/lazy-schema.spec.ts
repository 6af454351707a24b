import { expect, test } from "./support/test";

// A form whose schema is fetched after the page shows (components/form/form-schema.ts): a field
// left, or a submit pressed, before the schema has arrived is checked once it has — the person
// sees the messages at the fields as on any form, and nothing goes to the server unchecked.
test("找回密码: a field left before its rules arrived is checked when they do", async ({
  page,
  request,
}) => {
  // The chunks the page loads first are in its HTML; the others — the schema's — are held back
  // until the field has been left.
  const html = await (await request.get("/forgot-password")).text();
  const first = new Set([...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held: string[] = [];
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (!first.has(path)) {
      held.push(path);
      await released;
    }
    await route.continue();
  });

  await page.goto("/forgot-password", { waitUntil: "domcontentloaded" });
  const phone = page.getByLabel("注册手机号码");
  // hydrated: React has attached its handlers to the field
  await expect
    .poll(() => phone.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))))
    .toBe(true);
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
  const html = await (await request.get("/login")).text();
  const first = new Set([...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held: string[] = [];
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (!first.has(path)) {
      held.push(path);
      await released;
    }
    await route.continue();
  });
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));

  await page.goto("/login", { waitUntil: "domcontentloaded" });
  const login = page.getByRole("button", { name: "登录", exact: true });
  await expect
    .poll(() => login.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))))
    .toBe(true);
  await login.click();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(page.getByText("请输入证件号码")).toBeHidden();

  release();
  await expect(page.getByText("请输入证件号码")).toBeVisible();
  await expect(page.getByLabel("证件号码")).toBeFocused();
  expect(posts, "nothing was sent to the server").toEqual([]);
});
