import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  newCollectedPerson,
  expectNoSidewaysScroll,
  imageFiles,
  upload,
} from "./support/collection";
import { menu, REGION_LOCKED, thisYear } from "./support/ce";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// 继续教育 (issue 4): a 学术会议 claim is 待认定 and locks 所属行政区划 in 信息变更 until it is withdrawn;
// a year before the obligation start is refused at the field; the 学分证明 prints only for a 已完成
// year. newCollectedPerson() records a 中级 qualification of 2016 and accounting since 2010, so the
// obligation starts in 2010; the platform's records begin in 2020, so 2010–2019 are 无记录.

async function openWorkChange(page: Page) {
  await menu(page, "信息变更").click();
  await expect(page.getByRole("heading", { name: "信息变更" })).toBeVisible();
  await page.getByRole("link", { name: "变更信息（工作信息）" }).click();
  await expect(page.getByRole("button", { name: "保存" })).toBeVisible();
}

test(
  "a 学术会议 claim is 待认定 and locks the region until it is withdrawn",
  { tag: "@phone" },
  async ({ page }) => {
    test.setTimeout(240_000);
    await newCollectedPerson(page);

    await menu(page, "继续教育").click();
    await expect(page.getByRole("heading", { name: "继续教育", level: 1 })).toBeVisible();
    await expect(
      page.getByText(
        "广东省要求：每年公需科目不少于30学分、专业科目不少于60学分，合计不少于90学分",
      ),
    ).toBeVisible();
    await expect(page.getByText("您自2010年起参加继续教育。")).toBeVisible();
    const year = page.getByRole("region", { name: `${thisYear}年度` });
    await expect(year.getByText("进行中", { exact: true })).toBeVisible();
    // Years back to the platform's first year of records (KUAIJI_CE_RECORDS_FROM_YEAR, 2020 by
    // default), the older ones folded away; the obliged years before it are one 无记录 card that
    // says what to do — not ten cards shouting 未完成.
    await page.getByText(/^更早年度（2020—/).click();
    const first = page.getByRole("region", { name: "2020年度", exact: true });
    await expect(first.getByText("未完成", { exact: true })).toBeVisible();
    const unrecorded = page.getByRole("region", { name: "2010—2019年度", exact: true });
    await expect(unrecorded.getByText("无记录", { exact: true })).toBeVisible();
    await expect(unrecorded).toContainText("本平台的继续教育记录自2020年起");
    await expect(unrecorded).toContainText("请联系所在地财政部门");
    await expect(unrecorded.getByText("未完成", { exact: true })).toHaveCount(0);
    for (const year of ["2019年度", "2010年度", "2009年度"]) {
      await expect(page.getByRole("region", { name: year, exact: true })).toHaveCount(0);
    }
    await expectNoSidewaysScroll(page);
    // … and how: 帮助 shows the person's own office first
    await unrecorded.getByRole("link", { name: "查看所属地区财政部门的联系方式" }).click();
    await expect(page).toHaveURL(/\/help#contacts$/);
    await expect(page.getByRole("heading", { name: "您所属地区的财政部门" })).toBeVisible();
    await page.goBack();

    await page.getByRole("link", { name: "申报学分" }).click();
    await expect(page.getByRole("heading", { name: "申报学分" })).toBeVisible();
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page.getByText("请选择学分来源")).toBeVisible();
    await expect(page.getByText("每天折算10学分", { exact: true })).toBeVisible();
    await page.getByRole("radio", { name: /参加会计类专业会议/ }).click();

    // A year before the obligation start is refused at the field; nothing typed is lost.
    const files = await imageFiles();
    await page.getByRole("textbox", { name: "会议年度" }).fill("2009");
    await page.getByRole("textbox", { name: "会议名称" }).fill("2026年广东省管理会计高峰论坛");
    await page.getByRole("textbox", { name: "主办单位" }).fill("广东省会计学会");
    await page.getByRole("textbox", { name: "会议天数" }).fill("2");
    await expect(page.getByText("预计折算20学分（专业科目）")).toBeVisible();
    await upload(page, "证明材料", files.documentPage);
    await page.getByRole("button", { name: "提交申报" }).click();
    const yearBox = page.getByRole("textbox", { name: "会议年度" });
    await expect(yearBox).toHaveAttribute("aria-invalid", "true");
    await expect(yearBox).toHaveAccessibleDescription(
      /会议年度不能早于2010年（您开始参加继续教育的年度）/,
    );
    await expect(page).toHaveURL(/\/account\/ce\/claim$/);
    await expect(page.getByRole("textbox", { name: "会议名称" })).toHaveValue(
      "2026年广东省管理会计高峰论坛",
    );
    await expect(page.getByRole("img", { name: "证明材料" })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await yearBox.fill(String(thisYear));
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page).toHaveURL(/\/account\/ce\?submitted=1$/);
    await expect(page.getByText("学分申报已提交，请等待财政部门认定。")).toBeVisible();
    const records = year.getByRole("list", { name: `${thisYear}年度学分记录` });
    await expect(records.getByText("2026年广东省管理会计高峰论坛")).toBeVisible();
    await expect(records.getByText("待认定")).toBeVisible();
    await expect(records.getByText("参加会计类专业会议 · 专业科目 · 20学分")).toBeVisible();
    await expect(year.getByText("进行中", { exact: true })).toBeVisible();
    await expect(year.getByText("在途未完成（待认定、学习中）：1条")).toBeVisible();
    await expectNoSidewaysScroll(page);

    // 在途未完成数据 lock 所属行政区划 in 信息变更.
    await openWorkChange(page);
    await expect(page.getByLabel("所属行政区划（市）")).toBeDisabled();
    await expect(page.getByText(REGION_LOCKED).first()).toBeVisible();

    await menu(page, "继续教育").click();
    page.once("dialog", (dialog) => void dialog.accept());
    await year.getByRole("button", { name: /^撤回/ }).click();
    await expect(year.getByText("本年度暂无学分记录。")).toBeVisible();
    await expect(year.getByText("待认定")).toHaveCount(0);

    await openWorkChange(page);
    await expect(page.getByLabel("所属行政区划（市）")).toBeEnabled();
    await expect(page.getByText(REGION_LOCKED)).toHaveCount(0);
  },
);

test("the 学分证明 prints for a 已完成 year only", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const me = await newCollectedPerson(page, { name: "陈学分" });

  // The finance office of 天河区 records two finished provider courses of 2015.
  const { context, page: staff } = await staffBrowser(browser, testInfo);
  await staffLogin(staff, STAFF.tianhe, "/console/ce/people");
  await staff.getByRole("textbox", { name: "证件号码" }).fill(me.idNumber);
  await staff.getByRole("button", { name: "查找" }).click();
  for (const [name, category, credits] of [
    ["会计人员职业道德", "公需科目", "30"],
    ["企业会计准则解读（收入）", "专业科目", "60"],
  ] as const) {
    await staff.getByRole("textbox", { name: "学习年度" }).fill("2015");
    await staff.getByRole("textbox", { name: "课程名称" }).fill(name);
    await staff.getByRole("textbox", { name: "培训机构" }).fill("广东省会计人员继续教育中心");
    await staff.getByLabel("科目类别").selectOption({ label: category });
    await staff.getByRole("textbox", { name: "学分" }).fill(credits);
    await staff.getByRole("button", { name: "登记" }).click();
    await expect(staff.getByText(`已登记：${name}`)).toBeVisible();
  }
  await context.close();

  await page.goto("/account/ce");
  // 2015 is before the platform's records begin (2020), yet what it holds completes the year.
  const done = page.getByRole("region", { name: "2015年度", exact: true });
  await expect(done.getByText("已完成", { exact: true })).toBeVisible();
  // The other years before 2020 are one 无记录 card, around 2015.
  const unrecorded = page.getByRole("region", { name: "2010—2014、2016—2019年度", exact: true });
  await expect(unrecorded.getByText("无记录", { exact: true })).toBeVisible();
  // Older years from 2020 on without records are folded away; opened, 2020 shows 未完成.
  const first = page.getByRole("region", { name: "2020年度", exact: true });
  await expect(first).toBeHidden();
  await page.getByText(/^更早年度/).click();
  await expect(first.getByText("未完成", { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: `${thisYear}年度` })
      .getByRole("link", { name: "打印学分证明" }),
  ).toHaveCount(0);
  await done.getByRole("link", { name: "打印学分证明" }).click();
  await expect(page).toHaveURL(/\/account\/ce\/certificate\/2015$/);
  const paper = page.getByRole("article", { name: "继续教育学分证明" });
  await expect(paper.getByText("2015年度").first()).toBeVisible();
  await expect(paper.getByText("陈学分").first()).toBeVisible();
  await expect(paper.getByText(/^\d{4}\*+\d[\dX]$/)).toBeVisible();
  await expect(paper.getByText("企业会计准则解读（收入）")).toBeVisible();
  await expect(paper.getByText("会计人员职业道德")).toBeVisible();
  await expect(paper.getByText("广东省财政厅")).toBeVisible();
  await expect(paper.getByText(/^打印日期：\d{4}年\d{1,2}月\d{1,2}日$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(`/account/ce/certificate/${thisYear}`);
  await expect(
    page.getByText(
      `${thisYear}年度继续教育状态为“进行中”，达到年度学分要求（已完成）后才能打印学分证明。`,
    ),
  ).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
});
