import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { fileInput, imageFiles, upload } from "./collection";
import { E2E } from "./env";

// 跨省调转 as a person does it, and time moved forward for all three demo instances.

/** 申请调出 to 深圳市南山区 with one valid 调转附件; lands on 人员调转 with 待审核. */
export async function applyForTransferOut(page: Page) {
  await page.goto("/account/transfer");
  await page.getByRole("link", { name: "申请调出" }).click();
  await chooseShenzhenNanshan(page);
  await page.getByRole("textbox", { name: "调出理由" }).fill("工作调动至深圳市南山区某公司");
  await upload(page, "调转附件1", (await imageFiles()).documentPageJpeg);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/account\/transfer\?applied=1$/);
}

export async function chooseShenzhenNanshan(page: Page) {
  await page.getByLabel("调入省份").selectOption({ label: "深圳市" });
  await page.getByLabel("调入地区（市）").selectOption({ label: "深圳市" });
  await page.getByLabel("调入地区（区县）").selectOption({ label: "南山区" });
}

export { fileInput };

const TRANSFER_JOBS = "exchange-outbox,transfer-review-out,transfer-review-in,transfer-import-in";

/**
 * `npm run jobs -- --demo --at <now + days> --only <the exchange's jobs>`: the reviews, the
 * outbox and the import of the hub and both platforms. (Not the pruning: days ahead, it would
 * end the logged-in sessions the test goes on with.)
 */
export function runDemoJobs(daysAhead: number) {
  const at = new Date(Date.now() + daysAhead * 86_400_000).toISOString();
  execFileSync(
    process.execPath,
    [
      "--import",
      "./scripts/server-only/register.mjs",
      "--import",
      "tsx",
      "scripts/jobs.ts",
      "--demo",
      "--at",
      at,
      "--only",
      TRANSFER_JOBS,
    ],
    {
      env: {
        ...process.env,
        KUAIJI_DEMO_PORT: String(E2E.port),
        KUAIJI_DATA_DIR: E2E.dataDir,
        KUAIJI_DB_PORT: String(E2E.dbPort),
        SMS_DRIVER: "outbox",
        SMS_OUTBOX_FILE: E2E.outbox,
        CAPTCHA_TEST_ANSWER: E2E.captcha,
        KUAIJI_ALLOW_TEST_SWITCHES: "1",
      },
      stdio: "pipe",
      timeout: 180_000,
    },
  );
}

/** Every SMS text sent to a phone, oldest first. */
export function smsTextsTo(phone: string, read: (file: string) => string): string[] {
  return read(E2E.outbox)
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string; text: string })
    .filter((m) => m.to === phone)
    .map((m) => m.text);
}
