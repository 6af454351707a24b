import ExcelJS from "exceljs";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { newIdNumber, newPhone } from "./support/accounts";
import { newCollectedPerson } from "./support/collection";
import { firstLogin, STAFF, staffBrowser, staffLogin } from "./support/staff";

// The console as a city's 管理员 and a new county colleague meet it (issue 11): the 管理员 creates
// two county accounts in the browser; the 天河区 reviewer logs in with two factors, finds a person by
// the initials of their name, reveals the number (on the audit record), opens the archive's
// photos, exports the search (numbers masked) and sees the region's statistics; the 越秀区
// reviewer finds nobody of 天河区, not even by the person's address. The 天河区 reviewer also imports
// 历史档案 from the page's own template: the good row becomes a person, the bad one comes back in
// the 错误报告.

const NEW_PASSWORD = "Tianhe-Shenhe-2026";
// A name of its own, with its own initials (staff work at desks: this runs on desktop only).
const WHO = { name: "司马晨曦", initials: "smcx" } as const;

async function createAccount(admin: Page, username: string, office: string, roles: string[]) {
  await admin.goto("/console/staff/new");
  await admin.getByRole("textbox", { name: "登录名" }).fill(username);
  await admin.getByRole("textbox", { name: "姓名" }).fill("钟审核");
  await admin.getByLabel("所属单位").selectOption({ label: office });
  for (const role of roles) await admin.getByLabel(role, { exact: true }).check();
  await admin.getByRole("button", { name: "创建账号" }).click();
  const shown = admin.getByText(/^初始密码：/);
  await expect(shown).toBeVisible();
  return (await shown.textContent())!.replace("初始密码：", "").trim();
}

test("a 管理员 creates county reviewers; one finds, reveals, views and exports; the other county sees nothing", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const who = WHO;
  const person = await newCollectedPerson(page, { name: who.name });

  // 用户管理: the city's 管理员 creates the two county accounts.
  const admin = await staffBrowser(browser, testInfo);
  await staffLogin(admin.page, STAFF.guangzhou, "/console/staff/new");
  const stamp = Date.now().toString(36);
  const tianhe = `th-${stamp}`;
  const yuexiu = `yx-${stamp}`;
  const reviewerRoles = ["会计人员查询与档案查阅", "数据导出", "操作日志查阅"];
  const tianheInitial = await createAccount(admin.page, tianhe, "天河区财政局", [
    ...reviewerRoles,
    "历史档案导入",
  ]);
  const yuexiuInitial = await createAccount(admin.page, yuexiu, "越秀区财政局", reviewerRoles);
  await admin.context.close();

  // The 天河区 reviewer: first login with two factors, then 人员查询 by initials.
  const th = await staffBrowser(browser, testInfo);
  await firstLogin(th.page, tianhe, tianheInitial, NEW_PASSWORD);
  await th.page.goto("/console/people");
  await th.page.getByRole("textbox", { name: "姓名" }).fill(who.initials);
  await th.page.getByRole("button", { name: "查询", exact: true }).click();
  await expect(th.page).toHaveURL(new RegExp(`q=${who.initials}`));
  const results = th.page.getByRole("heading", { name: /查询结果/ });
  await expect(results).toBeVisible();
  const found = th.page.getByRole("link", { name: who.name, exact: true }).locator("visible=true");
  await expect(found).toHaveCount(1);

  // The list masks the number; 显示 is deliberate and audited.
  const masked = `${person.idNumber.slice(0, 4)}${"*".repeat(12)}${person.idNumber.slice(16)}`;
  await expect(th.page.getByText(masked).locator("visible=true")).toBeVisible();
  await th.page
    .getByRole("button", { name: `显示${who.name}的完整证件号码` })
    .locator("visible=true")
    .click();
  await expect(th.page.getByText(person.idNumber).locator("visible=true")).toBeVisible();

  // 导出 Excel: exactly the search, the number masked for a reviewer without export-full.
  const [download] = await Promise.all([
    th.page.waitForEvent("download"),
    th.page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  const header = rows[0]!;
  const mine = rows.filter((r) => r.includes(who.name));
  expect(mine).toHaveLength(1);
  const numberColumn = header.indexOf("证件号码");
  expect(numberColumn).toBeGreaterThanOrEqual(0);
  expect(mine[0]![numberColumn]).toBe(masked);
  expect(rows.flat()).not.toContain(person.idNumber);

  // 人员详情: the archive with its photos, served through the audited attachment route.
  await found.click();
  await expect(th.page.getByRole("heading", { name: who.name, level: 1 })).toBeVisible();
  await expect(th.page.getByRole("heading", { name: "当前档案" })).toBeVisible();
  const photo = th.page.getByRole("img", { name: `${who.name}的免冠证件照` });
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const personUrl = th.page.url();

  // 操作日志: the reveal and the photo views are on the record, under this reviewer's name.
  for (const [action, label] of [
    ["staff.id-reveal", "显示完整证件号码"],
    ["attachment.staff-view", "查看附件"],
    ["staff.export", "导出人员信息"],
  ] as const) {
    await th.page.goto(`/console/audit?action=${action}&actor=${tianhe}`);
    const row = th.page.getByRole("row").filter({ hasText: label });
    await expect(row.first()).toContainText(`钟审核（${tianhe}）`);
  }

  await importHistory(th.page, testInfo.outputPath("history.xlsx"));

  // 统计分析 of the reviewer's own county.
  await th.page.goto("/console/stats");
  await expect(th.page.getByRole("heading", { name: "统计分析" })).toBeVisible();
  await expect(th.page.getByText("广东省广州市天河区（含下辖全部地区）")).toBeVisible();
  await th.context.close();

  // The 越秀区 reviewer: the same initials find nobody of 天河区, the address answers 不存在.
  const yx = await staffBrowser(browser, testInfo);
  await firstLogin(yx.page, yuexiu, yuexiuInitial, NEW_PASSWORD);
  await yx.page.goto(`/console/people?q=${who.initials}`);
  await expect(yx.page.getByRole("heading", { name: /查询结果/ })).toBeVisible();
  await expect(yx.page.getByRole("link", { name: who.name, exact: true })).toHaveCount(0);
  const response = await yx.page.goto(personUrl);
  expect(response?.status()).toBe(404);
  await expect(yx.page.getByText(who.name)).toHaveCount(0);
  await yx.context.close();
});

/** 数据导入: the template, one good and one bad row, the counts, the 错误报告, the person found. */
async function importHistory(page: Page, file: string) {
  await page.goto("/console/import");
  await expect(page.getByRole("heading", { name: "历史档案导入" })).toBeVisible();
  const [templateDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载导入模板" }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await templateDownload.path())!);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const name = "欧阳导入";
  const row = {
    姓名: name,
    证件类型: "居民身份证",
    证件号码: newIdNumber(),
    民族: "汉族",
    政治面貌: "群众",
    手机号码: newPhone(),
    电子邮箱: "history@example.com",
    所在地区: "440106",
    在岗状态: "会计工作岗位",
    工作单位: "广州市天河区某某财务有限公司",
    统一社会信用代码: "914403001922038216",
    会计工作岗位: "出纳",
    从事会计工作年份: "2010",
    最高学历: "大学本科毕业",
    学位: "学士",
    毕业院校: "中山大学",
    所学专业: "会计学",
    入学时间: "2006-09",
    毕业时间: "2010-07",
    专业技术资格类型: "会计类",
    资格级别: "初级",
    取得方式: "考试",
    取得年份: "2012",
    证书编号: "C2012440100001",
  };
  const bad = { ...row, 姓名: "错号码", 证件号码: "440106199001011230", 手机号码: newPhone() };
  for (const [i, values] of [row, bad].entries()) {
    const r = sheet.getRow(2 + i);
    for (const [header, value] of Object.entries(values))
      r.getCell(headers.indexOf(header)).value = value;
  }
  await book.xlsx.writeFile(file);

  await page.getByLabel("Excel文件").setInputFiles(file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("导入1人，已存在0人，有误1行")).toBeVisible({ timeout: 30_000 });
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载错误报告" }).click(),
  ]);
  expect(report.suggestedFilename()).toBe("历史档案导入错误报告.xlsx");
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.readFile((await report.path())!);
  const text = JSON.stringify(errors.worksheets[0]!.getSheetValues());
  expect(text).toContain("错号码");
  expect(text).not.toContain(name);

  // the imported person is in 人员查询 at once (the projection is written with the import)
  await page.goto(`/console/people?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name, exact: true }).locator("visible=true")).toHaveCount(
    1,
  );
}
