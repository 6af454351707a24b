import { expect, test } from "./support/test";
import { createPerson, loginThroughUi } from "./support/accounts";
import { expectNoSidewaysScroll, platformSql } from "./support/collection";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// 帮助 (issue 13, item 6): a visitor finds an answer among 常见问题 — searching, and without
// JavaScript too — and the 咨询电话 in every page's footer; the 管理员 of 广州 keeps their office's
// contact in the console (refused at the field when the number cannot be dialled), cannot reach
// 佛山's, and an accountant of 广州 sees their offices first on 帮助.

test(
  "a visitor finds an answer in 常见问题 and the hotline in the footer",
  { tag: "@phone" },
  async ({ page, a11y }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    // the jurisdiction's default: the government service line (lib/jurisdiction/help-hotline.ts)
    await expect(footer.getByRole("link", { name: "12345" })).toHaveAttribute("href", "tel:12345");
    await expect(footer).toContainText("广东省政务服务便民热线，7×24小时");
    await footer.getByRole("link", { name: "帮助", exact: true }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole("heading", { name: "帮助", level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);

    const question = page.getByText("忘记密码怎么办？", { exact: true });
    const answer = page.getByText("输入证件号码和注册时的手机号码，通过短信验证后设置新密码");
    await expect(question).toBeVisible();
    await expect(answer).toBeHidden(); // closed until asked
    await page.getByRole("searchbox", { name: "搜索常见问题" }).fill("密码忘了");
    await expect(page.getByText("找到 1 个相关问题")).toBeVisible();
    await expect(answer).toBeVisible();
    await expect(page.getByText("继续教育每年要多少学分？")).toHaveCount(0);
    await a11y(page, "常见问题 searched");
    await page.getByRole("searchbox", { name: "搜索常见问题" }).fill("没有这样的问题");
    await expect(page.getByText("没有找到相关问题")).toBeVisible();
    await page.getByRole("searchbox", { name: "搜索常见问题" }).fill("忘记 密码");
    await page
      .locator("details", { hasText: "忘记密码怎么办？" })
      .getByRole("link", { name: "找回密码" })
      .click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  },
);

test("帮助 is static and reads without JavaScript", async ({ browser, page }, testInfo) => {
  const response = await page.goto("/help");
  // served from the prerender cache (app/[locale]/(portal)/help/page.tsx reads no request data)
  expect(response?.headers()["x-nextjs-prerender"]).toMatch(/^1(\n1)*$/);

  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: testInfo.project.use.viewport ?? null,
  });
  const noScript = await context.newPage();
  await noScript.goto("/help");
  await noScript.getByText("收不到短信验证码怎么办？", { exact: true }).click();
  await expect(noScript.getByText("验证码5分钟内有效")).toBeVisible();
  // the demo's offices (lib/help/demo-contacts.ts) are listed for everyone
  await expect(
    noScript.getByRole("region", { name: "广州市" }).getByRole("article").first(),
  ).toBeVisible();
  await context.close();
});

test("广州's 管理员 keeps their office's contact, an accountant of 广州 sees it first, 佛山's is out of reach", async ({
  page,
  browser,
  a11y,
}, testInfo) => {
  test.setTimeout(180_000);
  const suffix = String(Date.now() % 10_000_000).padStart(7, "0");
  const officeName = `广州市财政局会计科（${testInfo.project.name}）`;
  const phone = `020-8${suffix}`;

  // An accountant of 天河区, 广州 (as 信息采集 would have placed them).
  const person = await createPerson(page);
  await platformSql(`UPDATE "Person" SET "regionCode" = '440106' WHERE phone = $1`, [person.phone]);

  const office = await staffBrowser(browser, testInfo);
  await staffLogin(office.page, STAFF.guangzhou);
  await office.page
    .getByRole("navigation", { name: "财政部门菜单" })
    .getByRole("link", { name: "财政部门联系方式" })
    .click();
  await expect(
    office.page.getByRole("heading", { name: "财政部门联系方式", level: 1 }),
  ).toBeVisible();
  await expectNoSidewaysScroll(office.page);
  await expect(office.page.getByText("天河区财政局")).toBeVisible();
  await expect(office.page.getByText("佛山市财政局")).toHaveCount(0);
  await office.page.getByRole("link", { name: "修改广州市财政局联系方式" }).click();
  await expect(office.page.getByRole("heading", { name: "广州市财政局联系方式" })).toBeVisible();

  await office.page.getByRole("textbox", { name: "单位名称" }).fill(officeName);
  await office.page.getByRole("textbox", { name: "联系电话" }).fill("8317000");
  await office.page.getByRole("button", { name: "保存" }).click();
  await expect(office.page.getByText("联系电话无效，固定电话请带区号")).toBeVisible();
  await a11y(office.page, "联系电话 refused");
  await office.page.getByRole("textbox", { name: "联系电话" }).fill(phone.replace("-", ""));
  await office.page.getByRole("button", { name: "保存" }).click();
  await expect(office.page).toHaveURL(/\/console\/contacts\?saved=440100$/);
  await expect(office.page.getByText("已保存广州市财政局的联系方式")).toBeVisible();
  await expect(office.page.getByText(`${officeName} · ${phone}`)).toBeVisible();
  const audited = await platformSql<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'contact.update' AND "targetId" = '440100'`,
  );
  expect(Number(audited[0]!.n)).toBeGreaterThan(0);

  // 佛山 is a sibling city: its contact reads like a page that does not exist.
  const sibling = await office.page.goto("/console/contacts/440600");
  expect(sibling?.status()).toBe(404);

  // 荔湾区's contact, set and then deleted (机构撤并): the list says so, the 帮助 page drops it.
  const liwan = `荔湾区财政局会计股（${testInfo.project.name}）`;
  await office.page.goto("/console/contacts/440103");
  await office.page.getByRole("textbox", { name: "单位名称" }).fill(liwan);
  await office.page.getByRole("textbox", { name: "联系电话" }).fill(`020-7${suffix}`);
  await office.page.getByRole("textbox", { name: "办公地址" }).fill("广州市荔湾区示例路1号");
  await office.page.getByRole("button", { name: "保存" }).click();
  await expect(office.page).toHaveURL(/\/console\/contacts\?saved=440103$/);
  await office.page.getByRole("link", { name: "修改荔湾区财政局联系方式" }).click();
  office.page.once("dialog", (d) => void d.accept());
  await office.page.getByRole("button", { name: `删除联系方式：${liwan}` }).click();
  await expect(office.page).toHaveURL(/\/console\/contacts\?removed=440103$/);
  await expect(
    office.page.getByRole("status").filter({ hasText: "已删除荔湾区财政局的联系方式" }),
  ).toBeVisible();
  await expect(office.page.getByRole("link", { name: "设置荔湾区财政局联系方式" })).toBeVisible();
  const removed = await platformSql<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'contact.update'
       AND "targetId" = '440103' AND details->>'op' = 'remove'`,
  );
  expect(Number(removed[0]!.n)).toBe(1);
  await office.context.close();

  await loginThroughUi(page, person.idNumber, person.password);
  await page.goto("/help");
  const mine = page.getByRole("region", { name: "您所属地区的财政部门" });
  await expect(mine).toContainText("您的所属地区：广东省 广州市 天河区");
  // 天河区 has published none: 广州's comes first, then the province's
  const first = mine.getByRole("article").first();
  await expect(first).toHaveAccessibleName(officeName);
  await expect(first.getByRole("link", { name: phone })).toHaveAttribute(
    "href",
    `tel:${phone.replace("-", "")}`,
  );
  // and the public list has it as well (the save revalidated the static page), not the deleted one
  await expect(
    page.getByRole("region", { name: "广州市" }).getByRole("article", { name: officeName }),
  ).toBeVisible();
  await expect(page.getByText(liwan)).toHaveCount(0);
  await expectNoSidewaysScroll(page);
});
