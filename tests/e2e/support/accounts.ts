import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { E2E } from "./env";

/** GB 11643 MOD 11-2 check character, so every test gets a fresh valid ID number. */
function checkChar(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return "10X98765432"[sum % 11]!;
}

let idSeq = 0;
export function newIdNumber(): string {
  idSeq += 1;
  const n = (Date.now() + idSeq * 7919) % 1_000_000;
  const body = `440104198${n % 10}0${1 + (n % 9)}1${n % 10}${String(Math.floor(n / 10) % 1000).padStart(3, "0")}`;
  return body + checkChar(body);
}

let phoneSeq = 0;
export function newPhone(): string {
  phoneSeq += 1;
  return `137${String((Date.now() * 10 + phoneSeq) % 100_000_000).padStart(8, "0")}`;
}

export const PASSWORD = "Kj-Test-2026";

/** The newest code sent to a phone, read from the SMS outbox (SMS_DRIVER=outbox). */
export async function smsCodeFor(phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const lines = readFileSync(E2E.outbox, "utf8").trim().split("\n").reverse();
      const hit = lines
        .map((l) => JSON.parse(l) as { to: string; text: string })
        .find((m) => m.to === phone);
      code = hit ? /\d{6}/.exec(hit.text)?.[0] : undefined;
      return code;
    })
    .toBeTruthy();
  return code!;
}

/**
 * 获取短信验证码. A phone that received a code a moment ago (e.g. at registration) is told to
 * wait — as a person would, the helper waits the seconds the page names and asks again.
 */
export async function requestSmsCode(page: Page) {
  // The picture comes after the page, and with it an empty answer: type only once it is there.
  await expect(page.getByRole("img", { name: "图形验证码图片" })).toBeVisible();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole("textbox", { name: "图形验证码", exact: true }).fill(E2E.captcha);
    await page.getByRole("button", { name: "获取短信验证码" }).click();
    const countdown = page.getByRole("button", { name: /秒后重新获取/ });
    const wait = page.getByText(/请(\d+)秒后再获取短信验证码/);
    await expect(countdown.or(wait)).toBeVisible();
    if (await countdown.isVisible()) return;
    const seconds = Number(/(\d+)/.exec((await wait.textContent()) ?? "")?.[1] ?? 5);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  throw new Error("短信验证码 could not be requested");
}

/** 信息采集对象: answers the two questions and presses 下一步. */
export async function answerEligibility(page: Page, works: "是" | "否", holds: "是" | "否") {
  await page
    .getByRole("radiogroup", { name: /从事会计工作/ })
    .getByRole("radio", { name: works })
    .click();
  await page
    .getByRole("radiogroup", { name: /资格证书/ })
    .getByRole("radio", { name: holds })
    .click();
  await page.getByRole("button", { name: "下一步" }).click();
}

/** 用户注册 through the UI, as a person does it. */
export async function registerThroughUi(
  page: Page,
  who: { name?: string; idNumber?: string; phone?: string } = {},
) {
  const idNumber = who.idNumber ?? newIdNumber();
  const phone = who.phone ?? newPhone();
  await page.goto("/register");
  await answerEligibility(page, "是", "否");
  await page.getByLabel("姓名").fill(who.name ?? "林晓峰");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByLabel("手机号码").fill(phone);
  await requestSmsCode(page);
  await page.getByLabel("短信验证码").fill(await smsCodeFor(phone));
  await page.getByLabel("设置密码").fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("注册成功")).toBeVisible();
  return { idNumber, phone, password: PASSWORD };
}

export interface PersonMade {
  idNumber: string;
  password: string;
  phone: string;
  name: string;
}

/**
 * A new person from the test switch POST /api/test/people (lib/seed/test-person.ts): registered
 * as 注册 does it and, when `collected`, with 信息采集 completed as completeCollection() fills it
 * in — one request instead of the UI. For specs that need a person but test something else;
 * specs of 注册 and the wizard use registerThroughUi / completeCollection. Not logged in.
 */
export async function createPerson(
  from: Page | APIRequestContext,
  options: { collected?: boolean; name?: string } = {},
): Promise<PersonMade> {
  const request = "request" in from ? from.request : from;
  const r = await request.post("/api/test/people", {
    data: { collected: options.collected ?? false, name: options.name },
  });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as PersonMade;
}

export async function loginThroughUi(page: Page, idNumber: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
}
