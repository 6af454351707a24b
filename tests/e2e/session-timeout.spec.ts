import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { loginThroughUi } from "./support/accounts";
import { imageFiles, platformSql, startCollection, upload } from "./support/collection";
import { followRequests } from "./support/quiet";
import { STAFF, staffLogin } from "./support/staff";

// Issue 13, item 7: timeouts that lose nothing. The idle timeout is the platform's real one (30
// minutes); the test moves time on both sides instead of shortening it for every spec: the
// session's last use is set back in the platform's database (what 26 idle minutes leave behind),
// and the browser's clock jumps ahead (page.clock), so the page's own timers come due.

/** Sets the person's live sessions' last use `minutes` back, as that much idleness would. */
async function idleFor(phone: string, minutes: number) {
  await platformSql(
    `UPDATE "AuthSession" SET "lastSeenAt" = now() - make_interval(mins => $2)
     WHERE "revokedAt" IS NULL AND "personId" = (SELECT id FROM "Person" WHERE phone = $1)`,
    [phone, minutes],
  );
}

/** Seconds since the person's newest session was last used, as the platform sees it. */
async function secondsSinceLastUse(phone: string): Promise<number> {
  const [row] = await platformSql<{ s: string }>(
    `SELECT extract(epoch FROM now() - max("lastSeenAt")) AS s FROM "AuthSession"
     WHERE "revokedAt" IS NULL AND "personId" = (SELECT id FROM "Person" WHERE phone = $1)`,
    [phone],
  );
  return Number(row?.s ?? Number.NaN);
}

const warning = (page: Page) => page.getByRole("alertdialog", { name: "登录即将失效" });
const loginDialog = (page: Page) => page.getByRole("dialog", { name: "登录已失效，请重新登录" });

async function loginInPlace(page: Page, me: { idNumber: string; password: string }) {
  const dialog = loginDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("证件号码").fill(me.idNumber);
  await dialog.getByRole("textbox", { name: "密码", exact: true }).fill(me.password);
  await dialog.getByRole("button", { name: "登录", exact: true }).click();
  await expect(dialog).toBeHidden();
}

test(
  "warns 5 minutes before the idle timeout, and 继续办理 keeps the session in every tab",
  { tag: "@phone" },
  async ({ page, context, a11y }) => {
    await page.clock.install();
    const me = await startCollection(page);
    await page.getByRole("textbox", { name: "电子邮箱" }).fill("lin.xf@example.com");
    const other = await context.newPage();
    const requests = followRequests(other);
    await other.goto("/account");
    // Hydrated, its links prefetched (requests that keep the session alive, as any page load does):
    // only then is its timer running, and the session left alone.
    await requests.settled();

    // Asking the server when the warning may be due does not keep the session alive.
    await idleFor(me.phone, 26);
    await page.clock.fastForward("25:00");
    for (const p of [page, other]) await expect(warning(p)).toBeVisible();
    await expect(page.getByRole("button", { name: "继续办理" })).toBeFocused();
    await expect(warning(page).getByRole("timer")).toHaveText(/^[34]分\d{2}秒$/);
    expect(await secondsSinceLastUse(me.phone)).toBeGreaterThan(25 * 60);
    await a11y(page, "idle warning");

    await page.getByRole("button", { name: "继续办理" }).click();
    await expect(warning(page)).toBeHidden();
    // The other tab heard it: its warning goes too, without a click there.
    await expect(warning(other)).toBeHidden();
    expect(await secondsSinceLastUse(me.phone)).toBeLessThan(30);
    await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("lin.xf@example.com");
    await other.close();
  },
);

test(
  "after the timeout, the login in place keeps what was typed and uploaded, and 保存草稿 saves it",
  { tag: "@phone" },
  async ({ page, a11y }) => {
    await page.clock.install();
    const files = await imageFiles();
    const me = await startCollection(page);
    await page.getByRole("textbox", { name: "电子邮箱" }).fill("lin.xf@example.com");
    await upload(page, "本人免冠证件照", files.headshot);
    const headshot = await page.getByRole("img", { name: "本人免冠证件照" }).getAttribute("src");

    // The session ends while the page is open: the page says so by itself, with the login.
    await idleFor(me.phone, 31);
    await page.clock.fastForward("30:00");
    await expect(loginDialog(page)).toBeVisible();
    await a11y(page, "login in place");
    // Closed, the page still offers the way back.
    await loginDialog(page).getByRole("button", { name: "关闭" }).click();
    await expect(page.getByRole("button", { name: "重新登录" })).toBeVisible();

    // A photo chosen meanwhile is not lost with the login: the login comes back by itself, and
    // the photo goes up once logged in.
    await page.getByLabel(/^身份证人像面\*?$/).setInputFiles(files.documentPage);
    await loginInPlace(page, me);
    await expect(page.getByRole("img", { name: "身份证人像面" })).toBeVisible({ timeout: 20_000 });

    // The page is as it was: what was typed, the photo uploaded before the timeout.
    await expect(page).toHaveURL(/\/account\/collection\/personal$/);
    await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("lin.xf@example.com");
    await expect(page.getByRole("img", { name: "本人免冠证件照" })).toHaveAttribute(
      "src",
      headshot!,
    );
    await expect
      .poll(() =>
        page
          .getByRole("img", { name: "本人免冠证件照" })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
    const [draft] = await platformSql<{ email: string; headshot: string; front: string }>(
      `SELECT d.steps->'personal'->>'email' AS email, d.steps->'personal'->>'headshotId' AS headshot,
       d.steps->'personal'->'documentPageIds'->>'PORTRAIT' AS front
     FROM "CollectionDraft" d JOIN "Person" p ON p.id = d."personId" WHERE p.phone = $1`,
      [me.phone],
    );
    expect(draft?.email).toBe("lin.xf@example.com");
    expect(headshot).toContain(draft!.headshot);
    expect(draft?.front).toMatch(/^[0-9a-f-]{36}$/);
  },
);

test("保存草稿 refused for an ended login offers the login in place, then saves", async ({
  page,
}) => {
  const me = await startCollection(page);
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("wang.f@example.com");
  // Ended before the page could tell (a laptop asleep, the session ended elsewhere).
  await idleFor(me.phone, 31);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await loginInPlace(page, me);
  // The save the person asked for goes on by itself.
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("wang.f@example.com");
  const [draft] = await platformSql<{ email: string }>(
    `SELECT d.steps->'personal'->>'email' AS email
     FROM "CollectionDraft" d JOIN "Person" p ON p.id = d."personId" WHERE p.phone = $1`,
    [me.phone],
  );
  expect(draft?.email).toBe("wang.f@example.com");
});

test("dialogs whose code cannot be fetched (a redeploy) leave a notice, and the page as it was", async ({
  page,
}) => {
  await page.clock.install();
  const me = await startCollection(page);
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("zhao.l@example.com");
  await page.waitForLoadState("networkidle");
  // From now on no script chunk can be fetched, as when the build the page came from is gone.
  await page.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await idleFor(me.phone, 26);
  await page.clock.fastForward("25:00");
  const notice = page.getByRole("alert").filter({ hasText: "登录即将失效或已失效" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name: "在新窗口重新登录" })).toHaveAttribute(
    "target",
    "_blank",
  );
  // no error page took its place: the form and what was typed are still there
  await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("zhao.l@example.com");
  await expect(warning(page)).toHaveCount(0);
});

test(
  "another person logging in on the dialog gets a fresh page, never the first one's input",
  { tag: "@phone" },
  async ({ page, browser }) => {
    // A second person, registered in a context of their own.
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    const them = await startCollection(secondPage);
    await second.close();

    const me = await startCollection(page);
    await page.getByRole("textbox", { name: "电子邮箱" }).fill("lin.xf@example.com");
    await idleFor(me.phone, 31);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await loginInPlace(page, them);
    // The page is theirs now: nothing the first person typed is shown or saved for them.
    await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("");
    const [draft] = await platformSql<{ personal: unknown }>(
      `SELECT d.steps->'personal' AS personal FROM "CollectionDraft" d
     JOIN "Person" p ON p.id = d."personId" WHERE p.phone = $1`,
      [them.phone],
    );
    expect(draft?.personal ?? null).toBeNull();
  },
);

test("a page whose person's login ended never uploads or saves for another person logged in in another tab", async ({
  page,
  context,
  browser,
}) => {
  const second = await browser.newContext();
  const them = await startCollection(await second.newPage());
  await second.close();
  const files = await imageFiles();

  const me = await startCollection(page);
  await idleFor(me.phone, 31);
  // Another tab of this browser: the other person logs in there, and the cookie is theirs now.
  const other = await context.newPage();
  await loginThroughUi(other, them.idNumber, them.password);

  // The first person's page, still open, sends a photo: it is refused, not stored as theirs.
  await page.getByLabel(/^身份证人像面\*?$/).setInputFiles(files.documentPage);
  await expect(
    page.getByRole("alert").filter({ hasText: "当前登录的账号已变更，请刷新页面后重新上传" }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole("img", { name: "身份证人像面" })).toHaveCount(0);
  for (const person of [them, me]) {
    const [row] = await platformSql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Attachment" a JOIN "Person" p ON p.id = a."personId"
         WHERE p.phone = $1`,
      [person.phone],
    );
    expect(row?.n, person.phone).toBe(0);
  }

  // 保存草稿 too: refused, not written into the other person's file; what was typed stays.
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("not.theirs@example.com");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("当前登录的账号已变更，请刷新页面后再办理")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveValue(
    "not.theirs@example.com",
  );
  const drafts = await platformSql<{ email: string | null }>(
    `SELECT d.steps->'personal'->>'email' AS email
     FROM "CollectionDraft" d JOIN "Person" p ON p.id = d."personId" WHERE p.phone = ANY($1)`,
    [[them.phone, me.phone]],
  );
  expect(drafts.map((d) => d.email)).not.toContain("not.theirs@example.com");
  await other.close();
});

test("the console warns its staff too, and 继续办理 keeps their session", async ({ page }) => {
  await page.clock.install();
  await staffLogin(page, STAFF.guangzhou);
  // The newest session of the account is this browser's.
  const newest = `SELECT s.id FROM "AuthSession" s JOIN "Staff" o ON o.id = s."staffId"
    WHERE o.username = $1 AND s."revokedAt" IS NULL ORDER BY s."createdAt" DESC LIMIT 1`;
  await platformSql(
    `UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '26 minutes' WHERE id = (${newest})`,
    [STAFF.guangzhou],
  );
  await page.clock.fastForward("25:00");
  await expect(warning(page)).toBeVisible();
  await page.getByRole("button", { name: "继续办理" }).click();
  await expect(warning(page)).toBeHidden();
  const [row] = await platformSql<{ s: string }>(
    `SELECT extract(epoch FROM now() - "lastSeenAt") AS s FROM "AuthSession" WHERE id = (${newest})`,
    [STAFF.guangzhou],
  );
  expect(Number(row?.s)).toBeLessThan(30);
});
