import { expect, test } from "./support/test";
import { loginThroughUi, registerThroughUi } from "./support/accounts";
import {
  countRows,
  expectNoSidewaysScroll,
  fillAwards,
  fillEducation,
  fillNotice,
  fillPersonal,
  fillProfessional,
  fillWork,
  fileInput,
  imageFiles,
  next,
  startCollection,
} from "./support/collection";

// 信息采集 (issue 3) as a new accountant does it, on desktop and at 360 px: the whole wizard
// with real image files, logging out half-way and resuming with nothing lost, the archive, a
// refused second submit, and files nobody else can fetch.

test(
  "a new accountant completes 信息采集, resuming after logging out half-way",
  { tag: "@phone" },
  async ({ page, browser }) => {
    test.setTimeout(240_000);
    const me = await registerThroughUi(page);
    await loginThroughUi(page, me.idNumber, me.password);
    await expect(page.getByText("未采集", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "开始采集" }).click();

    await fillNotice(page);
    await fillPersonal(page);
    await fillEducation(page);

    // Half-way through 工作信息: 保存草稿, log out, log in again.
    await page.getByRole("radio", { name: "非会计工作岗位", exact: true }).click();
    await page.getByRole("textbox", { name: "工作单位名称" }).fill("佛山某某制造有限公司");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText(/草稿已保存/)).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login|\/$/);

    await loginThroughUi(page, me.idNumber, me.password);
    await expect(page.getByText("采集中（已保存草稿）")).toBeVisible();
    await page.getByRole("link", { name: "继续采集" }).click();
    await expect(page).toHaveURL(/\/account\/collection\/work$/);
    await expect(page.getByRole("radio", { name: "非会计工作岗位" })).toBeChecked();
    await expect(page.getByRole("textbox", { name: "工作单位名称" })).toHaveValue(
      "佛山某某制造有限公司",
    );

    // 上一步 keeps both steps: the saved education entry is there, and so is the work draft.
    await page.getByRole("button", { name: "上一步" }).click();
    await expect(page).toHaveURL(/\/education$/);
    await expect(page.getByRole("textbox", { name: "毕业院校" })).toHaveValue("中山大学");
    await next(page, "work");
    await expect(page.getByRole("textbox", { name: "工作单位名称" })).toHaveValue(
      "佛山某某制造有限公司",
    );

    // A wrong credit code is refused at the field, and what was typed stays.
    await page.getByRole("radio", { name: "会计工作岗位", exact: true }).click();
    await page.getByRole("textbox", { name: "统一社会信用代码" }).fill("914403001922038217");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByText("统一社会信用代码校验位错误，请核对后重新输入")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "工作单位名称" })).toHaveValue(
      "佛山某某制造有限公司",
    );
    await fillWork(page);
    await fillProfessional(page);
    await fillAwards(page);

    // 确认信息: everything on one page, each group with 修改.
    await expect(page.getByRole("heading", { name: "确认信息" })).toBeVisible();
    for (const text of [
      "中山大学",
      "广州市天河区某某财务有限公司",
      "Z2016440100123",
      "全省会计工作先进个人",
    ]) {
      await expect(page.getByText(text)).toBeVisible();
    }
    await expect(page.getByRole("link", { name: /修改/ })).toHaveCount(5);
    // A second tab left open on 确认信息 will try to submit again afterwards.
    const second = await page.context().newPage();
    await second.goto("/account/collection/confirm");

    await page.getByRole("button", { name: "提交" }).click();
    await expect(page).toHaveURL(/\/account\/collection\/done$/);
    await expect(page.getByText("信息已采集").first()).toBeVisible();
    await expect(page.getByText(/^44\d{12}$/)).toBeVisible();
    await expectNoSidewaysScroll(page);

    await second.getByRole("button", { name: "提交" }).click();
    await expect(second.getByText("您已采集过信息，无需重复采集")).toBeVisible();
    await second.close();

    // The archive, with the headshot served to its owner.
    await page.getByRole("link", { name: "查看并打印档案" }).click();
    await expect(page.getByRole("heading", { name: "会计人员信息档案" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    const headshot = page.getByRole("img", { name: /免冠证件照/ }).first();
    await expect(headshot).toBeVisible();
    expect(await headshot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const fileUrl = (await headshot.getAttribute("src"))!;
    const mine = await page.request.get(fileUrl);
    expect(mine.status()).toBe(200);
    expect(mine.headers()["cache-control"]).toContain("no-store");

    await page.goto("/account");
    await expect(page.getByText("信息已采集", { exact: true })).toBeVisible();

    // Someone else, logged in, reusing the URL: the same answer as for no file at all.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const stranger = await registerThroughUi(otherPage);
    await loginThroughUi(otherPage, stranger.idNumber, stranger.password);
    const stolen = await otherPage.request.get(fileUrl, { failOnStatusCode: false });
    expect(stolen.status()).toBe(404);
    const guessed = await otherPage.request.get(fileUrl.replace(/.{4}$/, "0000"), {
      failOnStatusCode: false,
    });
    expect(guessed.status()).toBe(404);
    expect(await stolen.text()).toBe(await guessed.text());
    await other.close();
  },
);

test("uploads that are not images, too big or corrupt are refused and nothing is stored", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const files = await imageFiles();
  await startCollection(page);
  const before = await countRows(`SELECT count(*) AS n FROM "Attachment"`);

  const field = fileInput(page, "身份证人像面");
  const cases: [string, string][] = [
    [files.renamedExecutable, "仅支持 JPG 或 PNG 格式的图片"],
    [files.oversize, "图片不能超过5MB"],
    [files.corrupted, "图片已损坏或不完整"],
  ];
  for (const [file, message] of cases) {
    await field.setInputFiles(file);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole("img", { name: "身份证人像面" })).toHaveCount(0);
  }
  expect(await countRows(`SELECT count(*) AS n FROM "Attachment"`)).toBe(before);

  // The step cannot go on without the files, and says so at each field.
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("请上传本人免冠证件照")).toBeVisible();
  await expect(page.getByText("请上传身份证国徽面")).toBeVisible();
  await expect(page).toHaveURL(/\/personal$/);
});

test("typed input survives a reload after a save and a save from another tab", async ({ page }) => {
  test.setTimeout(120_000);
  await startCollection(page);
  await fillPersonal(page);
  const school = page.getByRole("textbox", { name: "毕业院校" });

  // 保存草稿, type more, reload: the unsaved part comes back by itself.
  await school.fill("中山大学");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText(/草稿已保存/)).toBeVisible();
  await school.fill("中山大学南方学院");
  await page.reload();
  await expect(school).toHaveValue("中山大学南方学院");
  await expect(page.getByText("已恢复您在本浏览器中尚未保存的填写内容。")).toBeVisible();

  // Another tab saves the same step first: this one is told, keeps its input, and may keep it.
  const other = await page.context().newPage();
  await other.goto("/account/collection/education");
  await other.getByRole("textbox", { name: "所学专业" }).fill("财务管理");
  await other.getByRole("button", { name: "保存草稿" }).click();
  await expect(other.getByText(/草稿已保存/)).toBeVisible();
  await other.close();

  await page.getByRole("textbox", { name: "所学专业" }).fill("会计学");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText(/该信息已在其他页面或设备上修改并保存/)).toBeVisible();
  await expect(school).toHaveValue("中山大学南方学院");
  await page.getByRole("button", { name: "保留本页内容并保存" }).click();
  await expect(page.getByText(/草稿已保存/)).toBeVisible();
  await page.reload();
  await expect(school).toHaveValue("中山大学南方学院");
  await expect(page.getByRole("textbox", { name: "所学专业" })).toHaveValue("会计学");
});

test("Back after 下一步 shows the step as saved, and it saves again without a conflict", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startCollection(page);
  await fillPersonal(page);
  await fillEducation(page);

  // The browser brings 学历信息 back from its history, as rendered before the save: the page
  // fetches itself again (a save does not render it anew), so it shows what was saved…
  await page.goBack();
  await expect(page).toHaveURL(/\/education$/);
  await expect(page.getByRole("textbox", { name: "毕业院校" })).toHaveValue("中山大学");
  // …and saves on top of the current draft, not into a conflict with this tab's own save.
  await page.getByRole("textbox", { name: "所学专业" }).fill("财务管理");
  await next(page, "work");
  await expect(page.getByText(/该信息已在其他页面或设备上修改并保存/)).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("textbox", { name: "所学专业" })).toHaveValue("财务管理");
});
