import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { thisYear } from "./support/ce";
import { expectNoSidewaysScroll, platformSql } from "./support/collection";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// 节假日设置 (issue 10, "Working days"): the table is seeded from chinese-days (whose data ends
// with 2026), so next year has no data: 工作台 warns. The province's 管理员 enters next year's
// days — refused at the field when wrong — changes one, deletes them again (each audited), and
// the warning returns. A city office may look but not edit. The test leaves the table as it found
// it, so the desktop and 360 px runs start alike.

const PROVINCE_ADMIN = "gd-admin"; // lib/seed/demo.ts: 广东省财政厅, every role
const next = thisYear + 1;
const warning = `${next} 年的放假和调休安排尚未录入`;

/** "YYYY-MM-DD" of the first given weekday (0 Sunday … 6 Saturday) of next February. */
function firstOfFebruary(weekday: number): string {
  const d = new Date(Date.UTC(next, 1, 1));
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const NEW_YEAR = `${next}-01-01`;
const MONDAY = firstOfFebruary(1);
const SATURDAY = firstOfFebruary(6);

function table(page: Page, year: number) {
  return page.getByRole("table", { name: `${year}年放假和调休安排` });
}

async function fill(page: Page, date: string, kind: "放假" | "调休上班", name: string) {
  await page.getByRole("textbox", { name: "日期", exact: true }).fill(date);
  await page.getByRole("radio", { name: kind }).click();
  await page.getByRole("textbox", { name: "节日名称" }).fill(name);
}

async function remove(page: Page, date: string) {
  page.once("dialog", (d) => void d.accept());
  await table(page, next)
    .getByRole("button", { name: `删除${date}` })
    .click();
  await expect(table(page, next).getByRole("row", { name: new RegExp(date) })).toHaveCount(0);
}

test("the province enters next year's holidays, audited; a year without data is warned about", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await staffLogin(page, PROVINCE_ADMIN);
  await expect(page.getByText(warning)).toBeVisible();

  await page
    .getByRole("navigation", { name: "财政部门菜单" })
    .getByRole("link", { name: "节假日设置" })
    .click();
  await expect(page.getByRole("heading", { name: "节假日设置" })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/holidays$/);
  await expectNoSidewaysScroll(page);
  if (thisYear === 2026) {
    // chinese-days' last year, seeded at start: 国庆 and its 调休 Saturday
    await expect(
      table(page, 2026).getByRole("row", { name: /2026-10-01.*放假.*国庆节/ }),
    ).toBeVisible();
    await expect(
      table(page, 2026).getByRole("row", { name: /2026-10-10.*周六.*调休上班/ }),
    ).toBeVisible();
  }

  await page
    .getByRole("navigation", { name: "年度" })
    .getByRole("link", { name: `${next}年` })
    .click();
  await expect(page.getByText(warning)).toBeVisible();

  // Everything missing, then a 调休 on a Monday: refused at the fields, nothing stored.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请选择日期")).toBeVisible();
  await expect(page.getByText("请选择放假或调休上班")).toBeVisible();
  await expect(page.getByText("请填写节日名称，如：国庆节")).toBeVisible();
  await fill(page, MONDAY, "调休上班", "春节");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("调休上班日应为周六或周日（周一至周五本就上班）")).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: "类型" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await fill(page, SATURDAY, "调休上班", "春节");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(`已保存：${SATURDAY} 调休上班（春节）`)).toBeVisible();
  await fill(page, NEW_YEAR, "放假", "元旦");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(`已保存：${NEW_YEAR} 放假（元旦）`)).toBeVisible();
  await expect(
    table(page, next).getByRole("row", { name: new RegExp(`${SATURDAY}.*周六.*调休上班.*春节`) }),
  ).toBeVisible();
  await expect(page.getByText(`${next}年：放假1天，调休上班1天`)).toBeVisible();
  await expectNoSidewaysScroll(page);

  // 修改 fills the form with the day; saving changes it.
  await table(page, next)
    .getByRole("link", { name: `修改${NEW_YEAR}` })
    .click();
  await expect(page.getByRole("heading", { name: `修改 ${NEW_YEAR}` })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "节日名称" })).toHaveValue("元旦");
  await page.getByRole("textbox", { name: "节日名称" }).fill("新年");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(`已保存：${NEW_YEAR} 放假（新年）`)).toBeVisible();
  await expect(
    table(page, next).getByRole("row", { name: new RegExp(`${NEW_YEAR}.*新年`) }),
  ).toBeVisible();

  // With next year entered, 工作台 no longer warns about it.
  await page.goto("/console");
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await expect(page.getByText(warning)).toHaveCount(0);

  // Each change is on the audit record, by this staff member.
  const audits = await platformSql<{ details: { op: string } }>(
    `SELECT a.details FROM "AuditEvent" a JOIN "Staff" s ON s.id::text = a."actorId"
      WHERE a.action = 'holiday.change' AND a."targetId" = $1 AND s.username = $2 ORDER BY a.id`,
    [NEW_YEAR, PROVINCE_ADMIN],
  );
  expect(audits.map((a) => a.details.op).slice(-2)).toEqual(["save", "save"]);

  // Deleted again: the year is without data once more, and 工作台 says so.
  await page.goto(`/console/holidays?year=${next}`);
  await remove(page, NEW_YEAR);
  await remove(page, SATURDAY);
  await expect(page.getByText(warning)).toBeVisible();
  await page.goto("/console");
  await expect(page.getByText(warning)).toBeVisible();
});

test("a city office sees the holidays but cannot change them", async ({ browser }, testInfo) => {
  const { context, page } = await staffBrowser(browser, testInfo);
  try {
    await staffLogin(page, STAFF.guangzhou, "/console/holidays");
    await page.goto("/console/holidays");
    await expect(page.getByRole("heading", { name: "节假日设置" })).toBeVisible();
    await expect(page.getByText("节假日安排由省级财政部门设置，您可以查看。")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^删除/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
