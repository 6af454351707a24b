import { readFileSync } from "node:fs";
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./support/test";
import { newIdNumber, newPhone } from "./support/accounts";
import { E2E } from "./support/env";

// Languages (issue 13 item 11; README "Languages"): 简体中文 by default, English and 繁體中文 chosen
// in the header, remembered on the device, the same addresses in every language, the public
// pages still prerendered, the domain's messages and the SMS in the chosen language.

/** A prerendered page: its scripts allowed by hash (no nonce), served from the prerender cache. */
function expectPrerendered(response: Response | null) {
  expect(response, "a navigation response").not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  const script = policy.split(";").find((d) => d.trim().startsWith("script-src "));
  expect(script).toMatch(/'sha256-[A-Za-z0-9+/]+={0,2}'/);
  expect(script).not.toContain("'nonce-");
  expect(response!.headers()["x-nextjs-prerender"]).toMatch(/^1(\n1)*$/);
}

/** Presses a language in the header (named in itself) and waits for the page to reload in it. */
async function switchTo(page: Page, group: string, language: string, lang: string) {
  const before = page.url();
  await page.getByRole("group", { name: group }).getByRole("button", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  expect(page.url(), "the same address").toBe(before);
}

const localeCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === "kuaiji-locale")?.value;

test(
  "the portal, 登录 and 注册 in English, then 繁體, then back to 简体",
  { tag: "@phone" },
  async ({ page }) => {
    // A browser that prefers English still gets 简体中文 until its person chooses.
    await page.setExtraHTTPHeaders({ "accept-language": "en-US,en;q=0.9" });
    expectPrerendered(await page.goto("/"));
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "业务办理" })).toBeVisible();
    expect(await localeCookie(page)).toBeUndefined();

    await switchTo(page, "语言", "English", "en");
    await expect(page.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Log in to start" })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Information collection (信息采集)" }),
    ).toBeVisible();
    expect(await localeCookie(page)).toBe("en");

    // Still prerendered, now the English copy of the same address.
    expectPrerendered(await page.reload());
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // 登录: prerendered in English, its browser-side check in English.
    expectPrerendered(await page.goto("/login"));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Log in", exact: true }).click();
    await expect(page.getByText("Enter your ID number")).toBeVisible();
    // The server's refusal, in English as well.
    await page.getByLabel("ID number (证件号码)").fill(newIdNumber());
    await page.getByRole("textbox", { name: "Password", exact: true }).fill("Wrong-pass-1");
    await page.getByRole("button", { name: "Log in", exact: true }).click();
    await expect(page.getByText(/^Wrong ID number or password; \d+ tries left$/)).toBeVisible();

    // 注册: the questions, a field error from the shared schema and one from the server.
    expectPrerendered(await page.goto("/register"));
    await page
      .getByRole("radiogroup", { name: /accounting work/ })
      .getByRole("radio", { name: "Yes" })
      .click();
    await page
      .getByRole("radiogroup", { name: /qualification certificate/ })
      .getByRole("radio", { name: "No" })
      .click();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
    const name = page.getByRole("textbox", { name: "Name", exact: true });
    await name.fill("张3");
    await name.blur();
    await expect(page.getByText("A name cannot contain digits")).toBeVisible();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    const phone = newPhone();
    await page.getByRole("textbox", { name: "Mobile number", exact: true }).fill(phone);
    await expect(page.getByRole("img", { name: "Picture code image" })).toBeVisible();
    await page.getByRole("textbox", { name: "Picture code", exact: true }).fill("wrong");
    await page.getByRole("button", { name: "Get SMS code" }).click();
    await expect(
      page.getByText("The picture code is wrong or expired: enter the new one"),
    ).toBeVisible();

    // The SMS is written in the language the code was asked for in. (A used picture is replaced,
    // its answer cleared when the new one arrives: type only then.)
    const captcha = page.getByRole("textbox", { name: "Picture code", exact: true });
    await expect(captcha).toHaveValue("");
    await captcha.fill(E2E.captcha);
    await page.getByRole("button", { name: "Get SMS code" }).click();
    await expect(page.getByRole("button", { name: /^Resend in \d+ s$/ })).toBeVisible();
    await expect
      .poll(
        () =>
          readFileSync(E2E.outbox, "utf8")
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l) as { to: string; text: string })
            .findLast((m) => m.to === phone)?.text,
      )
      .toMatch(/^【会计人员信息服务平台】Your registration code is \d{6}, valid for 5 minutes\./);

    // 繁體中文: converted from the 简体 source, national terms kept.
    await switchTo(page, "Language", "繁體中文", "zh-Hant");
    await expect(page.getByRole("heading", { name: "用戶註冊", level: 1 })).toBeVisible();
    expectPrerendered(await page.goto("/"));
    await expect(page.getByRole("heading", { name: "信息採集" })).toBeVisible();
    expect(await localeCookie(page)).toBe("zh-Hant");

    // Staff work in Chinese: the console keeps 简体中文 whatever the device chose.
    expectPrerendered(await page.goto("/console/login"));
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "财政部门登录", level: 1 })).toBeVisible();

    // And back.
    await page.goto("/");
    await switchTo(page, "語言", "简体中文", "zh-CN");
    await expect(page.getByRole("heading", { name: "业务办理" })).toBeVisible();
    expect(await localeCookie(page)).toBe("zh-CN");
  },
);

test(
  "the language switch is a 44 px target named by what it shows, on a 360 px phone too",
  { tag: "@phone" },
  async ({ page }) => {
    await page.goto("/login");
    const english = page
      .getByRole("group", { name: "语言" })
      .getByRole("button", { name: "English" });
    await expect(english).toBeVisible();
    await expect(english).toHaveAccessibleName("English");
    await expect(english).toHaveAttribute("lang", "en");
    const box = (await english.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    // By keyboard: the switch keeps the page and what it is about.
    await english.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();
  },
);
