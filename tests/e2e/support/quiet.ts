import type { Page } from "@playwright/test";

/**
 * Follows a page's requests from now on; `settled()` waits until none has started for `quietMs`,
 * timed by the test's clock — long enough for the last to have been answered. Instead of
 * waitForLoadState("networkidle") where page.clock is installed: there, prefetches answered from
 * the browser's cache never report their end, and a page waited 30 s with nothing on the wire.
 */
export function followRequests(page: Page, quietMs = 1000) {
  let last = Date.now();
  page.on("request", () => {
    last = Date.now();
  });
  return {
    async settled(): Promise<void> {
      while (Date.now() - last < quietMs) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
