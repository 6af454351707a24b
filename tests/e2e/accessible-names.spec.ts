import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { newCollectedPerson } from "./support/collection";
import { STAFF, staffBrowser, staffLogin } from "./support/staff";

// Voice control and screen readers (issue 13, 10): what a button or link shows is part of what
// it is called (WCAG 2.5.3 Label in Name) — "点击 变更信息" must find the 变更信息 button — and a
// picture is named once, not again by the caption beside it.

interface Mismatch {
  visible: string;
  name: string;
  html: string;
}

/**
 * The text an element shows, without whitespace: visually hidden text (sr-only, a 1 px box) is
 * left out — only a screen reader meets it. Runs in the page.
 */
function shownText(this: Element): { text: string; html: string } {
  let text = "";
  const walker = document.createTreeWalker(this, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility()) continue;
    const box = parent.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) continue;
    text += node.textContent ?? "";
  }
  const seen = this.checkVisibility();
  return { text: seen ? text.replace(/\s+/g, "") : "", html: this.outerHTML.slice(0, 160) };
}

/**
 * Every visible button and link whose accessible name — as Chromium computes it for screen
 * readers and voice control (the DevTools protocol's accessibility tree) — does not contain the
 * text it shows.
 */
async function labelNotInName(page: Page): Promise<Mismatch[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const found: Mismatch[] = [];
    for (const node of nodes) {
      const role = node.role?.value;
      if (node.ignored || (role !== "button" && role !== "link") || !node.backendDOMNodeId)
        continue;
      const { object } = await cdp.send("DOM.resolveNode", {
        backendNodeId: node.backendDOMNodeId,
      });
      if (!object.objectId) continue;
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: shownText.toString(),
        returnByValue: true,
      });
      const shown = result.value as { text: string; html: string };
      const name = String(node.name?.value ?? "");
      if (shown.text && !name.replace(/\s+/g, "").includes(shown.text))
        found.push({ visible: shown.text, name, html: shown.html });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Pictures named twice: an <img> whose alt is repeated by readable text right beside it. */
async function namedTwice(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const twice: string[] = [];
    for (const img of document.querySelectorAll("img[alt]")) {
      const alt = img.getAttribute("alt")?.trim();
      if (!alt) continue;
      for (const sibling of [img.previousElementSibling, img.nextElementSibling]) {
        if (sibling?.closest("[aria-hidden=true]")) continue;
        if (sibling?.textContent?.trim() === alt) twice.push(alt);
      }
    }
    return twice;
  });
}

async function walk(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await labelNotInName(page), `${path}: visible text not in the name`).toEqual([]);
    expect(await namedTwice(page), `${path}: pictures named twice`).toEqual([]);
  }
}

test(
  "every button and link on the main pages is called what it shows",
  { tag: "@phone" },
  async ({ page, browser }, testInfo) => {
    test.setTimeout(300_000);
    await walk(page, ["/", "/login", "/register", "/forgot-password", "/appeal", "/notices"]);
    await newCollectedPerson(page);
    await walk(page, [
      "/account",
      "/account/archive",
      "/account/change",
      "/account/ce",
      "/account/ce/claim",
      "/account/security",
      "/account/transfer",
    ]);
    const staff = await staffBrowser(browser, testInfo);
    await staffLogin(staff.page, STAFF.tianhe);
    await walk(staff.page, ["/console", "/console/people", "/console/ce/claims"]);
    await staff.context.close();
  },
);
