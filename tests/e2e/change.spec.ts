import { expect, test } from "./support/test";
import { expectNoSidewaysScroll, newCollectedPerson } from "./support/collection";

// 信息变更 (issue 4): change an e-mail and an education entry, see both in 变更记录; the fields
// that never change are shown with why and offer no way in; two tabs editing the same item —
// the second is told, sees what is saved, and loses nothing.

test(
  "change an e-mail and an education entry, and see both in 变更记录",
  { tag: "@phone" },
  async ({ page }) => {
    test.setTimeout(180_000);
    await newCollectedPerson(page);

    await page
      .getByRole("navigation", { name: "个人中心菜单" })
      .getByRole("link", { name: "信息变更" })
      .click();
    await expect(page.getByRole("heading", { name: "信息变更" })).toBeVisible();
    await expect(page.getByText(/证件号码：证件号码在注册时经过校验/)).toBeVisible();
    await expect(page.getByRole("link", { name: /证件号码/ })).toHaveCount(0);
    // 如需更正，请联系所属地区财政部门办理 — and where to find it
    await expect(
      page.getByRole("link", { name: "查看所属地区财政部门的联系方式" }),
    ).toHaveAttribute("href", "/help#contacts");
    await expectNoSidewaysScroll(page);

    await page.getByRole("link", { name: "变更信息（个人信息）" }).click();
    await expect(page.getByRole("radio", { name: "男" })).toHaveCount(0); // 性别 is not offered
    await page.getByRole("textbox", { name: "电子邮箱" }).fill("new.mail@example.com");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("变更已保存，已生成第2版档案。")).toBeVisible();

    await page.getByRole("link", { name: "变更信息（全日制教育第1条）" }).click();
    await page.getByRole("textbox", { name: "毕业院校" }).fill("暨南大学");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("变更已保存，已生成第3版档案。")).toBeVisible();
    await expect(page.getByText("暨南大学")).toBeVisible();

    await page.getByRole("link", { name: "变更记录" }).click();
    await expect(
      page.getByText(/电子邮箱: lin\.xf@example\.com → new\.mail@example\.com/),
    ).toBeVisible();
    await expect(page.getByText(/毕业院校: 中山大学 → 暨南大学/)).toBeVisible();
    await expect(page.getByText(/第3版/)).toBeVisible();
    await expectNoSidewaysScroll(page);
  },
);

test("two tabs change the same item: the second is told and nothing typed is lost", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await newCollectedPerson(page);

  const first = page;
  const second = await page.context().newPage();
  for (const tab of [first, second]) {
    await tab.goto("/account/change");
    await tab.getByRole("link", { name: "变更信息（个人信息）" }).click();
  }
  await first.getByRole("textbox", { name: "电子邮箱" }).fill("first.tab@example.com");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(first.getByText("变更已保存，已生成第2版档案。")).toBeVisible();

  await second.getByRole("textbox", { name: "电子邮箱" }).fill("second.tab@example.com");
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByText(/该信息已在其他页面或设备上变更/)).toBeVisible();
  const current = second.getByRole("region", { name: "当前已保存的信息" });
  await expect(current.getByText("first.tab@example.com")).toBeVisible();
  await expect(second.getByRole("textbox", { name: "电子邮箱" })).toHaveValue(
    "second.tab@example.com",
  );

  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByText("变更已保存，已生成第3版档案。")).toBeVisible();
  await expect(second.getByText("second.tab@example.com")).toBeVisible();
});

test("an entry edited in one tab and deleted in another can still be saved as a new one", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await newCollectedPerson(page);

  const editing = page;
  await editing.goto("/account/change");
  await editing.getByRole("link", { name: "变更信息（奖励信息第1条）" }).click();
  await editing.getByRole("textbox", { name: "奖励名称" }).fill("全国会计工作先进个人");

  // Another tab changes something else first: this save goes through without a question.
  const other = await page.context().newPage();
  await other.goto("/account/change/edit?step=personal");
  await other.getByRole("textbox", { name: "电子邮箱" }).fill("other.tab@example.com");
  await other.getByRole("button", { name: "保存" }).click();
  await expect(other.getByText("变更已保存，已生成第2版档案。")).toBeVisible();
  await editing.getByRole("button", { name: "保存" }).click();
  await expect(editing.getByText("变更已保存，已生成第3版档案。")).toBeVisible();

  // Now the other tab deletes the entry while this one edits it again.
  await editing.getByRole("link", { name: "变更信息（奖励信息第1条）" }).click();
  await editing.getByRole("textbox", { name: "奖励名称" }).fill("全国先进会计工作者");
  await other.goto("/account/change");
  other.once("dialog", (d) => void d.accept());
  await other.getByRole("button", { name: "删除奖励信息第1条" }).click();
  await expect(other.getByRole("button", { name: "删除奖励信息第1条" })).toHaveCount(0);

  await editing.getByRole("button", { name: "保存" }).click();
  await expect(editing.getByText(/该条信息已在其他页面或设备上删除/)).toBeVisible();
  await expect(editing.getByRole("textbox", { name: "奖励名称" })).toHaveValue(
    "全国先进会计工作者",
  );
  await editing.getByRole("button", { name: "作为新增的一条保存" }).click();
  await expect(editing.getByText("变更已保存，已生成第5版档案。")).toBeVisible();
  await expect(editing.getByText("全国先进会计工作者")).toBeVisible();
});

test("two tabs changing different fields of one item: the second keeps both", async ({ page }) => {
  test.setTimeout(180_000);
  await newCollectedPerson(page);

  const first = page;
  const second = await page.context().newPage();
  for (const tab of [first, second]) await tab.goto("/account/change/edit?step=personal");
  await first.getByRole("textbox", { name: "电子邮箱" }).fill("first.tab@example.com");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(first.getByText("变更已保存，已生成第2版档案。")).toBeVisible();

  await second.getByLabel("政治面貌").selectOption({ label: "中共党员" });
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByText(/您未改动的项目已更新为当前值/)).toBeVisible();
  await expect(second.getByRole("textbox", { name: "电子邮箱" })).toHaveValue(
    "first.tab@example.com",
  );
  await expect(second.getByLabel("政治面貌")).toHaveValue("01");
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByText("变更已保存，已生成第3版档案。")).toBeVisible();
  await second.goto("/account/change/history");
  await expect(second.getByText(/政治面貌: 群众 → 中共党员/)).toBeVisible();
  await expect(second.getByText(/电子邮箱: .* → first\.tab@example\.com/)).toBeVisible();
});
