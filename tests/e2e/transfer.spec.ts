import { readFileSync } from "node:fs";
import { expect, test } from "./support/test";
import { PASSWORD, requestSmsCode, smsCodeFor } from "./support/accounts";
import { menu } from "./support/ce";
import {
  countRows,
  expectNoSidewaysScroll,
  imageFiles,
  newCollectedPerson,
  platformSql,
  upload,
} from "./support/collection";
import { E2E } from "./support/env";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";
import {
  applyForTransferOut,
  chooseShenzhenNanshan,
  fileInput,
  runDemoJobs,
  smsTextsTo,
} from "./support/transfer";

// 跨省调转 (issue 10) on the demo's three instances: 广东 (baseURL), 深圳 and the exchange.

const LOCKED = "您已申请调出，调转完成前“信息变更”和“继续教育”仅允许查看，不能修改";
const texts = (phone: string) => smsTextsTo(phone, (f) => readFileSync(f, "utf8"));

test(
  "申请调出 refuses a PNG and a 3 MB JPEG at the field, saves, locks, and 撤回 lifts the lock",
  { tag: "@phone" },
  async ({ page }) => {
    test.setTimeout(300_000);
    const me = await newCollectedPerson(page);
    await menu(page, "人员调转").click();
    await expect(page.getByRole("heading", { name: "人员调转", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "申请调出" }).click();
    await expect(page.getByText("在职人员请上传调入地的工作证明")).toBeVisible();

    // Nothing chosen: every field says what it needs.
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByLabel("调入省份")).toHaveAccessibleDescription(/请选择调入省份/);
    await expect(page.getByRole("textbox", { name: "调出理由" })).toHaveAccessibleDescription(
      /请填写调出理由/,
    );
    await expect(page.getByText("请上传调转附件")).toBeVisible();

    await chooseShenzhenNanshan(page);
    await page.getByRole("textbox", { name: "调出理由" }).fill("工作调动至深圳市南山区某公司");
    const files = await imageFiles();
    await fileInput(page, "调转附件1").setInputFiles(files.documentPage);
    await expect(page.getByText("调转附件只能上传jpeg/jpg格式的图片")).toBeVisible();
    await fileInput(page, "调转附件1").setInputFiles(files.threeMb);
    await expect(page.getByText("调转附件每张不能超过2MB")).toBeVisible();
    const proofs = () =>
      countRows(
        `SELECT count(*) AS n FROM "Attachment" a JOIN "Person" p ON p.id = a."personId"
       WHERE p.phone = $1 AND a.kind = 'transfer-proof'`,
        [me.phone],
      );
    expect(await proofs()).toBe(0);
    // What was typed is still there.
    await expect(page.getByRole("textbox", { name: "调出理由" })).toHaveValue(
      "工作调动至深圳市南山区某公司",
    );
    await upload(page, "调转附件1", files.documentPageJpeg);
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: "保存" }).click();

    await expect(page).toHaveURL(/\/account\/transfer\?applied=1$/);
    await expect(page.getByText("调出申请已提交")).toBeVisible();
    const card = page.getByRole("list", { name: "调出申请" }).getByRole("listitem").first();
    await expect(card.getByText("调出至 广东省深圳市南山区")).toBeVisible();
    await expect(card.getByText("待审核").first()).toBeVisible();
    expect(await proofs()).toBe(1);
    await expectNoSidewaysScroll(page);

    // 信息变更 and 继续教育 are view-only while it is open, and say why.
    await menu(page, "信息变更").click();
    await expect(page.getByText(LOCKED)).toBeVisible();
    await expect(page.getByRole("link", { name: "变更信息（个人信息）" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^变更.+第\d+条$/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^新增/ })).toHaveCount(0);
    await expect(page.getByText("中山大学")).toBeVisible(); // the data is still shown
    await page.goto("/account/change/edit?step=personal");
    await expect(page.getByText(LOCKED)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
    await menu(page, "继续教育").click();
    await expect(page.getByText(LOCKED)).toBeVisible();

    await menu(page, "人员调转").click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "撤回调出申请" }).click();
    await expect(card.getByText("已撤回").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "申请调出" })).toBeVisible();
    await menu(page, "信息变更").click();
    await expect(page.getByRole("heading", { name: "信息变更", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "变更信息（个人信息）" })).toBeVisible();
    await expect(page.getByText(LOCKED)).toHaveCount(0);
  },
);

test("a staff rejection reaches the person by SMS and on the page", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const me = await newCollectedPerson(page);
  await applyForTransferOut(page);
  const [row] = await platformSql<{ id: string }>(
    `SELECT t.id FROM "TransferOut" t JOIN "Person" p ON p.id = t."personId"
     WHERE p.phone = $1 AND t.state = 'pending'`,
    [me.phone],
  );

  const staff = await staffBrowser(browser, testInfo);
  await staffLogin(staff.page, STAFF.tianhe, `/console/transfers/out/${row!.id}`);
  await staff.page.goto(`/console/transfers/out/${row!.id}`);
  await expect(staff.page.getByRole("heading", { name: "审核调出申请" })).toBeVisible();
  await expect(staff.page.getByRole("img", { name: "调转附件1" })).toBeVisible();
  // The reason is required.
  await staff.page.getByRole("button", { name: "审核不通过" }).click();
  await expect(staff.page.getByText("请填写审核意见")).toBeVisible();
  await staff.page.getByRole("textbox", { name: "审核意见" }).fill("工作证明不清晰，请重新上传");
  staff.page.once("dialog", (d) => void d.accept());
  await staff.page.getByRole("button", { name: "审核不通过" }).click();
  await expect(staff.page).toHaveURL(/\/console\/transfers\/out\?done=rejected$/);
  await staff.context.close();

  await expect.poll(() => texts(me.phone).at(-1)).toContain("调出申请审核不通过");
  await page.reload();
  await expect(page.getByText("工作证明不清晰，请重新上传")).toBeVisible();
  await expect(page.getByRole("link", { name: "申请调出" })).toBeVisible();
});

test("广东 → 深圳 end to end: approved, received through the exchange, pre-filled on 深圳", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  await expect
    .poll(async () => (await fetch(`${E2E.shenzhenURL}/api/ready`).catch(() => null))?.status, {
      timeout: 120_000,
    })
    .toBe(200);
  const me = await newCollectedPerson(page, { name: "黄晓琳" });
  await applyForTransferOut(page);

  // The automatic review is due at the end of the next working day: a few days on, it is done
  // and the file is at the exchange.
  runDemoJobs(4);
  await page.reload();
  const card = page.getByRole("list", { name: "调出申请" }).getByRole("listitem").first();
  await expect(card.getByText("审核通过").first()).toBeVisible();
  await expect(card.getByText("待调入地接收")).toBeVisible();
  await expect.poll(() => texts(me.phone).join("\n")).toContain("调出申请审核通过");

  // 省外调入 on 深圳, without an account there — on a 360 px phone, as most people do it.
  const sz = await browser.newContext({
    baseURL: E2E.shenzhenURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const p = await sz.newPage();
  await p.goto("/");
  await p.getByRole("link", { name: "省外调入" }).click();
  await expect(p.getByRole("heading", { name: "省外调入" })).toBeVisible();
  await p.getByLabel("姓名").fill("黄晓琳");
  await p.getByLabel("证件号码").fill(me.idNumber);
  await p.getByLabel("手机号码").fill(me.phone);
  await requestSmsCode(p);
  await p.getByLabel("短信验证码").fill(await smsCodeFor(me.phone));
  // A county other than the one 广东 sent: said at the field.
  await p.getByLabel("调入地（市）").selectOption({ label: "深圳市" });
  await p.getByLabel("调入地（区县）").selectOption({ label: "福田区" });
  await p.getByRole("button", { name: "下一步" }).click();
  await expect(
    p.getByText("调入地须与调出申请时填写的一致（调出地填写的是：广东省深圳市南山区）"),
  ).toBeVisible();
  // Corrected, the same code still works: no second SMS for a mistyped county.
  await p.getByLabel("调入地（区县）").selectOption({ label: "南山区" });
  await p.getByRole("button", { name: "下一步" }).click();
  await expect(p.getByRole("heading", { name: "第二步（共三步）：确认调入" })).toBeVisible();
  await expect(p.getByText("广东省广州市天河区（广东省）")).toBeVisible();
  await p.getByLabel("设置密码").fill(PASSWORD);
  await p.getByLabel("确认密码").fill(PASSWORD);
  await p.getByRole("button", { name: "确认调入" }).click();
  await expect(p.getByText("调入申请已提交")).toBeVisible();

  // 深圳's review, its receipt at the exchange, the file imported; 广东 hears 已接收.
  runDemoJobs(8);
  await page.reload();
  await expect(card.getByText("已调出").first()).toBeVisible();
  await menu(page, "信息变更").click();
  await expect(
    page.getByText("您已调出至其他省份，本平台的档案和调转记录仅允许查看"),
  ).toBeVisible();

  await p.goto("/login");
  await p.getByLabel("证件号码").fill(me.idNumber);
  await p.getByRole("textbox", { name: "密码", exact: true }).fill(PASSWORD);
  await p.getByRole("button", { name: "登录", exact: true }).click();
  await expect(p).toHaveURL(/\/account$/);
  await p.goto("/account/transfer");
  await expect(p.getByText("调入已完成，请在“信息采集”中核对调入的信息并提交。")).toBeVisible();
  await p.getByRole("link", { name: "前往信息采集" }).click();
  // 阅读须知 again, then the steps come filled in from the file.
  await p.getByLabel("承诺填写信息的真实性").check();
  await p.getByRole("button", { name: "下一步" }).click();
  await expect(p.getByRole("img", { name: "本人免冠证件照" })).toBeVisible();
  await expect(p.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("lin.xf@example.com");
  await sz.close();
});
