import path from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import ExcelJS from "exceljs";
import {
  expectNoSidewaysScroll,
  imageFiles,
  newCollectedPerson,
  platformSql,
  upload,
} from "./support/collection";
import { menu, REGION_LOCKED, thisYear } from "./support/ce";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// The finance office's side of 继续教育 (issue 4): an accountant's claim locks their region until
// the staff of their region recognise it; staff enter a provider course; the year completes and
// its 学分证明 prints. Staff of another region find nobody and see nothing.

async function regionPicker(page: Page) {
  await menu(page, "信息变更").click();
  await page.getByRole("link", { name: "变更信息（工作信息）" }).click();
  return page.getByLabel("所属行政区划（市）");
}

/** A 6-day conference: 60 专业科目 credits, 待认定. */
async function claimConference(page: Page, title: string) {
  await menu(page, "继续教育").click();
  await page.getByRole("link", { name: "申报学分" }).click();
  await page.getByRole("radio", { name: /参加会计类专业会议/ }).click();
  await page.getByRole("textbox", { name: "会议年度" }).fill(String(thisYear));
  await page.getByRole("textbox", { name: "会议名称" }).fill(title);
  await page.getByRole("textbox", { name: "主办单位" }).fill("广东省会计学会");
  await page.getByRole("textbox", { name: "会议天数" }).fill("6");
  await upload(page, "证明材料", (await imageFiles()).documentPage);
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page).toHaveURL(/\/account\/ce\?submitted=1$/);
}

async function openPerson(staff: Page, idNumber: string) {
  await staff
    .getByRole("navigation", { name: "财政部门菜单" })
    .getByRole("link", {
      name: "继续教育人员",
    })
    .click();
  await staff.getByRole("textbox", { name: "证件号码" }).fill(idNumber);
  await staff.getByRole("button", { name: "查找" }).click();
}

test("staff recognise a claim, which unlocks the region; with a course the year completes and prints", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const me = await newCollectedPerson(page, { name: "林认定" });
  const title = `${thisYear}年粤港澳大湾区财会论坛`;
  await claimConference(page, title);
  await expect(await regionPicker(page)).toBeDisabled();
  await expect(page.getByText(REGION_LOCKED).first()).toBeVisible();

  // The office of 天河区 logs in; the console asks for the login first and comes back.
  const { context, page: staff } = await staffBrowser(browser, testInfo);
  await staff.goto("/console/ce/claims");
  await expect(staff).toHaveURL(/\/console\/login\?next=%2Fconsole%2Fce%2Fclaims/);
  await staffLogin(staff, STAFF.tianhe);
  await expect(staff).toHaveURL(/\/console\/ce\/claims$/);
  await expect(staff.getByText("天河区财政局")).toBeVisible();

  // Found by 证件号码 — the address holds the person's id, never the number.
  await openPerson(staff, me.idNumber);
  await expect(staff.getByRole("heading", { name: "林认定的继续教育" })).toBeVisible();
  expect(staff.url()).not.toContain(me.idNumber);
  const year = staff.getByRole("region", { name: `${thisYear}年度` });
  await expect(year.getByText("待认定", { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(staff);
  await year.getByRole("link", { name: `审核${title}` }).click();

  await expect(staff.getByRole("heading", { name: "审核学分申报" })).toBeVisible();
  await expect(staff.getByText("6天（每天10学分）")).toBeVisible();
  await expect(staff.getByText("60学分（专业科目）")).toBeVisible();
  const evidence = staff.getByRole("img", { name: "证明材料" });
  await expect(evidence).toBeVisible();
  expect(await evidence.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectNoSidewaysScroll(staff);

  // 不予认定 needs a reason: said at the field, nothing decided.
  await staff.getByRole("button", { name: "不予认定" }).click();
  await expect(staff.getByRole("textbox", { name: "审核意见" })).toHaveAccessibleDescription(
    /请填写不予认定的理由/,
  );
  staff.once("dialog", (d) => void d.accept());
  await staff.getByRole("button", { name: "认定", exact: true }).click();
  await expect(staff).toHaveURL(/\/console\/ce\/claims\?done=recognised$/);
  await expect(staff.getByText("已办理：认定。")).toBeVisible();

  // The accountant's region is free again, and the claim counts.
  await page.reload();
  await expect(await regionPicker(page)).toBeEnabled();
  await expect(page.getByText(REGION_LOCKED)).toHaveCount(0);
  await menu(page, "继续教育").click();
  const mine = page.getByRole("region", { name: `${thisYear}年度` });
  await expect(mine.getByText("已认定", { exact: true })).toBeVisible();
  await expect(mine.getByText("进行中", { exact: true })).toBeVisible();

  // The office enters a 公需科目 course: a wrong credit is refused at the field, then 已学完.
  await openPerson(staff, me.idNumber);
  await staff.getByRole("textbox", { name: "课程名称" }).fill("会计人员职业道德与诚信建设");
  await staff.getByRole("textbox", { name: "培训机构" }).fill("广东省会计人员继续教育中心");
  await staff.getByLabel("科目类别").selectOption({ label: "公需科目" });
  const creditsBox = staff.getByRole("textbox", { name: "学分" });
  await creditsBox.fill("95");
  await staff.getByRole("button", { name: "登记" }).click();
  await expect(creditsBox).toHaveAccessibleDescription(/学分应为大于0且不超过90的数/);
  await expect(staff.getByRole("textbox", { name: "课程名称" })).toHaveValue(
    "会计人员职业道德与诚信建设",
  );
  await creditsBox.fill("30");
  await staff.getByRole("button", { name: "登记" }).click();
  await expect(staff.getByText("已登记：会计人员职业道德与诚信建设")).toBeVisible();
  await expect(staff.getByRole("textbox", { name: "课程名称" })).toHaveValue("");
  await expect(
    staff.getByRole("region", { name: `${thisYear}年度` }).getByText("已完成", { exact: true }),
  ).toBeVisible();

  // The person's 变更记录, as they see it: nothing changed since the collection.
  await staff.getByRole("link", { name: "变更记录" }).click();
  await expect(staff.getByRole("heading", { name: "林认定的变更记录" })).toBeVisible();
  await expect(staff.getByText("该会计人员信息采集后没有变更过信息。")).toBeVisible();
  await expectNoSidewaysScroll(staff);

  // What the office did and read is on the audit record, as the staff member.
  const audits = await platformSql<{ action: string }>(
    `SELECT e.action FROM "AuditEvent" e JOIN "Staff" s ON s.id::text = e."actorId"
     WHERE s.username = $1
       AND e.action IN ('ce.claim-review', 'ce.course-record', 'staff.person-lookup',
                        'attachment.staff-view', 'staff.history-view')
       AND e.at > now() - interval '10 minutes'`,
    [STAFF.tianhe],
  );
  expect(new Set(audits.map((a) => a.action))).toEqual(
    new Set([
      "ce.claim-review",
      "ce.course-record",
      "staff.person-lookup",
      "attachment.staff-view",
      "staff.history-view",
    ]),
  );

  await page.reload();
  await expect(mine.getByText("已完成", { exact: true })).toBeVisible();
  await mine.getByRole("link", { name: "打印学分证明" }).click();
  const paper = page.getByRole("article", { name: "继续教育学分证明" });
  await expect(paper.getByText("会计人员职业道德与诚信建设")).toBeVisible();
  await expect(paper.getByText(title)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test("staff of another region find nobody, and their claim and file links answer 404", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const me = await newCollectedPerson(page, { name: "梁辖区" });
  const title = `${thisYear}年管理会计实务研讨会`;
  await claimConference(page, title);
  const [claim] = await platformSql<{ id: string; evidenceId: string }>(
    `SELECT c.id, c."evidenceId" FROM "CeCredit" c JOIN "Person" p ON p.id = c."personId"
     WHERE p.name = '梁辖区' AND c.title = $1 ORDER BY c."createdAt" DESC LIMIT 1`,
    [title],
  );

  const { context, page: staff } = await staffBrowser(browser, testInfo);
  // A wrong password (here: a name nobody has) is told without saying which, and asks a captcha.
  await staff.goto("/console/login");
  await staff
    .getByRole("textbox", { name: "登录名" })
    .fill(`nobody-${testInfo.project.name}-${Date.now()}`);
  await staff.getByRole("textbox", { name: "密码", exact: true }).fill("Wrong-Pass-1");
  await staff.getByRole("button", { name: "登录", exact: true }).click();
  await expect(staff.getByText("登录名或密码错误，还可尝试 4 次")).toBeVisible();
  await expect(staff.getByRole("textbox", { name: "图形验证码" })).toBeVisible();
  await expectNoSidewaysScroll(staff);

  await staffLogin(staff, STAFF.foshan);
  await openPerson(staff, me.idNumber);
  await expect(staff.getByText("本辖区内没有该证件号码的会计人员")).toBeVisible();
  await expect(staff.getByRole("textbox", { name: "证件号码" })).toHaveValue(me.idNumber);
  const notFound = await staff.goto(`/console/ce/claims/${claim!.id}`);
  expect(notFound?.status()).toBe(404);
  const file = await staff.request.get(`/api/attachments/${claim!.evidenceId}`);
  expect(file.status()).toBe(404);
  await staff.goto("/console/ce/claims");
  const reviewLink = (page: Page) =>
    page
      .getByRole("link", { name: `审核梁辖区的申报：${title}` })
      .and(page.locator(`[href="/console/ce/claims/${claim!.id}"]`));
  await expect(staff.getByRole("heading", { name: "学分认定" })).toBeVisible();
  await expect(reviewLink(staff)).toHaveCount(0);

  // 广州市's office covers 天河区: it sees the claim and the file.
  await staff.getByRole("button", { name: "退出登录" }).click();
  await expect(staff).toHaveURL(/\/console\/login$/);
  await staffLogin(staff, STAFF.guangzhou, "/console/ce/claims");
  await expect(reviewLink(staff)).toBeVisible();
  expect((await staff.request.get(`/api/attachments/${claim!.evidenceId}`)).status()).toBe(200);

  // 不予认定 with a reason: the accountant reads it, and the region is free again.
  await reviewLink(staff).click();
  const why = "参会证明未显示本人姓名，请补充后重新申报";
  await staff.getByRole("textbox", { name: "审核意见" }).fill(why);
  staff.once("dialog", (d) => void d.accept());
  await staff.getByRole("button", { name: "不予认定" }).click();
  await expect(staff.getByText("已办理：不予认定。")).toBeVisible();
  await staff
    .getByRole("navigation", { name: "申报状态" })
    .getByRole("link", { name: "不予认定" })
    .click();
  await expect(
    staff.getByRole("link", { name: `查看梁辖区的申报：${title}` }).first(),
  ).toBeVisible();

  await menu(page, "继续教育").click();
  const mine = page.getByRole("region", { name: `${thisYear}年度` });
  await expect(mine.getByText("不予认定", { exact: true })).toBeVisible();
  await expect(mine.getByText(`不予认定理由：${why}`)).toBeVisible();
  await expect(await regionPicker(page)).toBeEnabled();

  // An accountant's session does not open the console.
  await page.goto("/console");
  await expect(page).toHaveURL(/\/console\/login\?next=%2Fconsole$/);
  await context.close();
});

/** A filled-in import sheet, as staff save it from the template. */
async function courseSheet(dir: string, name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("课程学分");
  sheet.addRow([
    "证件号码",
    "姓名",
    "学习年度",
    "课程名称",
    "培训机构",
    "科目类别",
    "学分",
    "学习状态",
  ]);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

test("staff import a provider's courses from Excel: checked by line, then imported all at once", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const me = await newCollectedPerson(page, { name: "黄导入" });
  const { context, page: staff } = await staffBrowser(browser, testInfo);
  await staffLogin(staff, STAFF.guangzhou);
  await staff
    .getByRole("navigation", { name: "财政部门菜单" })
    .getByRole("link", { name: "课程学分导入" })
    .click();

  // The template downloads and carries the columns.
  const [download] = await Promise.all([
    staff.waitForEvent("download"),
    staff.getByRole("link", { name: "下载导入模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("课程学分导入模板.xlsx");
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile((await download.path())!);
  expect(template.worksheets[0]!.getRow(1).getCell(1).text).toBe("证件号码");

  const dir = testInfo.outputPath();
  // One line per course: 证件号码, 姓名, 学习年度, 课程名称, 培训机构, 科目类别, 学分, 学习状态.
  const line = (name: string, course: string, category: string, credits: string) => [
    me.idNumber,
    name,
    String(thisYear),
    course,
    "省继续教育中心",
    category,
    credits,
    "已学完",
  ];
  const good = line("黄导入", "会计人员职业道德", "公需科目", "30");
  const fileInput = staff.getByLabel("Excel文件");
  await fileInput.setInputFiles(
    await courseSheet(dir, "wrong.xlsx", [good, line("黄导人", "内部控制", "专业科目", "60")]),
  );
  await staff.getByRole("button", { name: "检查" }).click();
  await expect(staff.getByText("共2行，其中1行需要修改后才能导入")).toBeVisible();
  const result = staff.getByRole("table", { name: "检查结果" });
  await expect(result.getByRole("row").filter({ hasText: "姓名与证件号码不符" })).toContainText(
    "3",
  );
  await expect(staff.getByRole("button", { name: /确认导入/ })).toHaveCount(0);
  await expectNoSidewaysScroll(staff);

  await fileInput.setInputFiles(
    await courseSheet(dir, "right.xlsx", [good, line("黄导入", "内部控制", "专业科目", "60")]),
  );
  await staff.getByRole("button", { name: "检查" }).click();
  await expect(staff.getByText("共2行，全部可以导入")).toBeVisible();
  await staff.getByRole("button", { name: "确认导入2条" }).click();
  await expect(staff.getByText("已导入2条课程学分")).toBeVisible();

  await page.goto("/account/ce");
  const year = page.getByRole("region", { name: `${thisYear}年度` });
  await expect(year.getByText("已完成", { exact: true })).toBeVisible();
  await expect(year.getByText("内部控制")).toBeVisible();
  await context.close();
});
