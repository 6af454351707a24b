import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { type FixtureName, writeFixtures } from "../../fixtures/images/make";
import { createPerson, loginThroughUi, registerThroughUi } from "./accounts";
import { E2E } from "./env";

// The 信息采集 wizard, step by step, as a person fills it in (labels and buttons as on screen).

let fixtures: Promise<Record<FixtureName, string>> | undefined;

/** Real image files (generated once per run) for setInputFiles. */
export function imageFiles(): Promise<Record<FixtureName, string>> {
  fixtures ??= writeFixtures(path.join(E2E.dataDir, "..", "e2e-fixtures"));
  return fixtures;
}

/**
 * Runs SQL on the platform's own database (the embedded PostgreSQL the server runs) — for
 * checking what was stored, and for states another feature will set (a transfer under way).
 */
export async function platformSql<R extends object = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${E2E.dbPort}/postgres?sslmode=disable`,
  });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Counts rows: `sql` selects one column `n`. */
export async function countRows(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await platformSql<{ n: string }>(sql, params);
  return Number(row?.n ?? 0);
}

/** The page fits the viewport's width (at 360 px nothing may need sideways scrolling). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

export async function next(page: Page, to: string) {
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/collection/${to}$`));
  await expectNoSidewaysScroll(page);
}

export async function fillNotice(page: Page) {
  await expect(page.getByRole("heading", { name: "会计人员信息采集须知" })).toBeVisible();
  await page.getByLabel("承诺填写信息的真实性").check();
  await next(page, "personal");
}

/** The file input of an upload field (its label ends with "*" when required). */
export function fileInput(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\*?$`));
}

/** Uploads a file through a field and waits for its thumbnail. */
export async function upload(page: Page, label: string, file: string) {
  await fileInput(page, label).setInputFiles(file);
  if (label === "本人免冠证件照") {
    const dialog = page.getByRole("dialog", { name: "裁剪证件照" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "确定" }).click();
  }
  await expect(page.getByRole("img", { name: label })).toBeVisible({ timeout: 20_000 });
}

export async function fillPersonal(page: Page) {
  const files = await imageFiles();
  await page.getByLabel("民族").selectOption({ label: "汉族" });
  await page.getByLabel("政治面貌").selectOption({ label: "群众" });
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("lin.xf@example.com");
  await upload(page, "本人免冠证件照", files.headshot);
  await upload(page, "身份证人像面", files.documentPage);
  await upload(page, "身份证国徽面", files.documentPage);
  await next(page, "education");
}

export async function fillEducation(page: Page) {
  const entry = page.getByRole("group", { name: "全日制教育第1条" });
  await entry.getByLabel("学历").selectOption({ label: "大学本科毕业" });
  await entry.getByLabel("学位").selectOption({ label: "学士" });
  await entry.getByRole("textbox", { name: "毕业院校" }).fill("中山大学");
  await entry.getByRole("textbox", { name: "所学专业" }).fill("会计学");
  await entry.getByLabel("入学时间").fill("2006-09");
  await entry.getByLabel("毕业时间").fill("2010-07");
  await next(page, "work");
}

export async function fillWork(page: Page) {
  await page.getByRole("radio", { name: "会计工作岗位", exact: true }).click();
  await expect(page.getByText("请选择单位所在行政区划（广东省内（除深圳））")).toBeVisible();
  await page.getByLabel("所属行政区划（市）").selectOption({ label: "广州市" });
  await page.getByLabel("所属行政区划（区县）").selectOption({ label: "天河区" });
  await page.getByRole("textbox", { name: "工作单位名称" }).fill("广州市天河区某某财务有限公司");
  await page.getByRole("textbox", { name: "统一社会信用代码" }).fill("914403001922038216");
  await page.getByLabel("会计工作岗位类别").selectOption({ label: "出纳" });
  await page.getByRole("textbox", { name: "从事会计工作年份" }).fill("2010");
  await next(page, "professional");
}

export async function fillProfessional(page: Page) {
  for (const name of ["注册会计师", "税务师", "资产评估师"]) {
    await page.getByRole("radiogroup", { name }).getByRole("radio", { name: "否" }).click();
  }
  await page.getByLabel("珠算等级").selectOption({ label: "无" });
  await page
    .getByRole("region", { name: "（二）专业技术资格" })
    .getByRole("button", { name: "新增" })
    .click();
  const entry = page.getByRole("region", { name: "（二）专业技术资格" });
  await entry.getByLabel("类型").selectOption({ label: "会计类" });
  await entry.getByLabel("级别").selectOption({ label: "中级" });
  await entry.getByLabel("取得方式").selectOption({ label: "考试" });
  await entry.getByRole("textbox", { name: "取得年份" }).fill("2016");
  await entry.getByRole("textbox", { name: "证书编号" }).fill("Z2016440100123");
  await next(page, "awards");
}

export async function fillAwards(page: Page) {
  await page.getByRole("button", { name: "新增" }).click();
  await page.getByRole("textbox", { name: "奖励名称" }).fill("全省会计工作先进个人");
  await page.getByLabel("奖励级别").selectOption({ label: "省部级" });
  await page.getByRole("textbox", { name: "获奖年份" }).fill("2020");
  await next(page, "confirm");
}

/**
 * A new person whose 信息采集 is complete (the data of fillNotice … fillAwards, made by the test
 * switch: createPerson), logged in through the UI (lands on 个人中心).
 */
export async function newCollectedPerson(page: Page, who: { name?: string } = {}) {
  const me = await createPerson(page, { collected: true, ...who });
  await loginThroughUi(page, me.idNumber, me.password);
  return me;
}

/** A new person, registered and logged in, past 阅读须知 (lands on 个人信息). */
export async function startCollection(page: Page) {
  const me = await registerThroughUi(page);
  await loginThroughUi(page, me.idNumber, me.password);
  await page.goto("/account/collection");
  await fillNotice(page);
  return me;
}

/** A registered, logged-in person completes 信息采集 (lands on 完成). */
export async function completeCollection(page: Page) {
  await page.goto("/account/collection");
  await fillNotice(page);
  await fillPersonal(page);
  await fillEducation(page);
  await fillWork(page);
  await fillProfessional(page);
  await fillAwards(page);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL(/\/account\/collection\/done$/);
}
