import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

// Every spec imports `test` and `expect` from here, not from @playwright/test: each page state the
// suite visits is checked with axe (issue 13, "Done means": 0 violations).
//   - every page the test's context loads is scanned as soon as it has loaded;
//   - `a11y(page)` scans the state the test has just brought about (an error shown, a dialog
//     open, 长辈模式 on) — states a load event never sees;
//   - the page's final state is scanned when the test ends.
// A test with any violation fails at its end, listing each rule, its impact and the elements.
// A scan the page navigated away from mid-way is dropped: the next page's own load scans it. A
// path's load is scanned once per worker and project (most tests open /login).

/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, headings in order). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

interface Found {
  url: string;
  label: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The violations, or null when the scan was dropped (the page moved on while it ran). */
async function scan(page: Page, label: string): Promise<Found[] | null> {
  const url = page.url();
  if (!url.startsWith("http")) return [];
  // A client-side navigation swaps the page before its <title> (Next.js streams metadata): a
  // scan that lands in between would report a missing title. Give it a moment; a page that has
  // none is still reported after that.
  await page
    .waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // A client-side navigation during the scan (a redirect) mixed two pages: dropped, like a scan
  // a load interrupted. The page arrived at is scanned by the test's next a11y() or at its end.
  if (page.url() !== url) return null;
  return result.violations.map((v) => ({
    url,
    label,
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

function report(found: Found[]): string {
  return found
    .map(
      (f) =>
        `${f.label} ${f.url}\n  ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join("\n    ")}`,
    )
    .join("\n");
}

/**
 * Is this error one of a page that went away while axe ran (a navigation, a closed page)? axe is
 * several calls into the page; when a navigation lands between two of them the next one meets a
 * document without axe ("Cannot read properties of undefined") — so any error once the page has
 * closed or moved on counts, and the known messages of a navigation mid-call.
 */
const goneAway = (e: unknown, page: Page, url: string) =>
  page.isClosed() ||
  page.url() !== url ||
  /Execution context was destroyed|Target .*closed|navigat|frame was detached/i.test(String(e));

type A11y = (page: Page, label?: string) => Promise<void>;

/** Paths whose load was scanned in this worker, per project (see watch below). */
const loadsScanned = new Set<string>();

export const test = base.extend<{ a11y: A11y; a11yAuto: void }>({
  a11y: async ({}, provide, testInfo) => {
    const found: Found[] = [];
    const pending = new Set<Promise<boolean>>();
    const seen = new Set<string>();
    const failures: unknown[] = [];
    // One scan at a time per page: each injects its own axe as window.axe, and two at once
    // would run on one of them ("Axe is already running").
    const last = new WeakMap<Page, Promise<boolean>>();
    /** Scans the page; true once a scan was made and kept (false: dropped, the page moved on). */
    const record = (page: Page, label: string): Promise<boolean> => {
      const url = page.url();
      const run: Promise<boolean> = (last.get(page) ?? Promise.resolve(true))
        .then(() => scan(page, label))
        .then((list) => {
          if (list === null) return false;
          for (const f of list) {
            // The same rule on the same elements of the same page is one finding.
            const key = `${f.url}|${f.rule}|${f.targets.join(",")}`;
            if (!seen.has(key)) {
              seen.add(key);
              found.push(f);
            }
          }
          return true;
        })
        // Kept for the end, not thrown: a load scan's promise has nobody waiting on it yet.
        .catch((e: unknown) => {
          if (!goneAway(e, page, url)) failures.push(e);
          return false;
        })
        .finally(() => pending.delete(run));
      pending.add(run);
      last.set(page, run);
      return run;
    };
    (testInfo as unknown as { _kuaijiA11y: typeof record })._kuaijiA11y = record;
    await provide(async (page, label = "state") => {
      await record(page, label);
    });
    await Promise.all([...pending]);
    if (failures.length > 0) throw failures[0];
    expect(found, `axe found violations:\n${report(found)}`).toEqual([]);
  },
  a11yAuto: [
    // On `page`, so that the test's page is torn down only after its final state was scanned.
    async ({ context, page, a11y }, provide, testInfo) => {
      const record = (
        testInfo as unknown as { _kuaijiA11y: (p: Page, l: string) => Promise<boolean> }
      )._kuaijiA11y;
      // A page as it loads is the same page in every test that opens it (/login in most of
      // them): scanned on its first load in this worker and project, not on each — a scan takes
      // seconds on two busy cores. States a test brings about are a11y() and "end" scans.
      const watch = (page: Page) =>
        page.on("load", () => {
          const key = `${testInfo.project.name} ${new URL(page.url()).pathname}`;
          if (loadsScanned.has(key)) return;
          loadsScanned.add(key);
          // A scan the page moved away from scanned nothing: the path's next load is scanned.
          void record(page, "load").then((kept) => kept || loadsScanned.delete(key));
        });
      watch(page);
      context.on("page", watch);
      await provide();
      for (const open of context.pages()) if (!open.isClosed()) await a11y(open, "end");
    },
    { auto: true },
  ],
});

export { expect };
