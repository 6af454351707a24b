import { expect, test } from "./support/test";
import { loginThroughUi } from "./support/accounts";
import { platformSql } from "./support/collection";
import { STAFF, staffLogin } from "./support/staff";

// The portal and the login pages are static (app/layout.tsx, lib/cache/published.ts): served from
// the cache, which a publish revalidates.

test("a notice published after the build shows once revalidated, not before", async ({
  page,
  request,
}, testInfo) => {
  const title = `关于静态页面测试的通知（${testInfo.project.name} ${Date.now()}）`;
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();

  await platformSql(
    `INSERT INTO "Notice" (id, title, body, "regionCode", "publishedAt")
     VALUES (gen_random_uuid(), $1, $2, '440000', now() - interval '1 second')`,
    [title, "第一段：测试公告。\n第二段：发布后可见。"],
  );
  // Static: the portal in the cache is served as it is, without reading the database.
  await page.reload();
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);

  // What a publish action does after writing (revalidateNotices), through the test-only route.
  expect((await request.post("/api/test/revalidate-published")).status()).toBe(204);
  await page.reload();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("第二段：发布后可见。")).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(title.replace(/[()（）]/g, ".")));
});

test("staff already logged in who open 财政部门登录 go straight on", async ({ page }) => {
  await staffLogin(page, STAFF.guangzhou);
  await page.goto("/console/login?next=%2Fconsole%2Fce%2Fclaims");
  await expect(page).toHaveURL(/\/console\/ce\/claims$/);
  await page.goto("/console/login");
  await expect(page).toHaveURL(/\/console$/);
});

test("an accountant's session does not skip 财政部门登录", async ({ page }) => {
  // the demo accountant seeded on the embedded default (lib/seed/demo.ts)
  await loginThroughUi(page, "44010619900307001X", "Kuaiji@2026");
  const session = page.waitForResponse((r) => r.url().endsWith("/api/session"));
  await page.goto("/console/login");
  expect(await (await session).json()).toMatchObject({ kind: "person" });
  await expect(page.getByRole("textbox", { name: "登录名" })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/login$/);
});
