import { type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  corruptedJpeg,
  documentPagePng,
  oversizeJpeg,
  renamedExecutable,
} from "../fixtures/images/make";
import { createPerson, loginThroughUi, type PersonMade } from "./support/accounts";
import { platformSql } from "./support/collection";

// Uploads at the API level (issue 3): only the owner sees a file, a stranger cannot tell a
// file from no file, the logged-out get nothing, cross-site posts are refused, and refused
// files are never stored, nor stored for anyone but the person whose page sent them. The
// wizard's own upload through the page is tested with the wizard.

const CHINESE = /[\u4e00-\u9fff]/;
const NO_SUCH_ATTACHMENT = "00000000-0000-4000-8000-000000000000";

let contextA: BrowserContext;
let contextB: BrowserContext;
let pageA: Page;
let pageB: Page;
let personB: PersonMade;

async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = await createPerson(page);
  await loginThroughUi(page, person.idNumber, person.password);
  return { context, page, person };
}

/** The tag of the person logged in on `page`, as the pages behind login know it. */
async function ownerOf(page: Page): Promise<string> {
  const clock = (await (await page.request.get("/api/session/idle")).json()) as { owner?: string };
  expect(clock.owner).toBeTruthy();
  return clock.owner!;
}

/**
 * Posts raw bytes as the wizard's XHR does, from our own origin unless told otherwise, naming
 * the page's owner as the logged-in person unless told otherwise (null: no owner named).
 */
async function upload(
  page: Page,
  kind: string,
  data: Buffer,
  origin: string | undefined,
  owner?: string | null,
): Promise<APIResponse> {
  const named = owner === undefined ? await ownerOf(page) : owner;
  return page.request.post(`/api/attachments?kind=${kind}`, {
    data,
    headers: {
      "content-type": "image/jpeg",
      ...(origin ? { origin } : {}),
      ...(named === null ? {} : { "x-kuaiji-owner": named }),
    },
    failOnStatusCode: false,
  });
}

async function attachmentsOf(person: PersonMade): Promise<number> {
  const [row] = await platformSql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Attachment" a JOIN "Person" p ON p.id = a."personId"
     WHERE p.phone = $1`,
    [person.phone],
  );
  return row!.n;
}

async function expectRefused(response: APIResponse) {
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as { ok: boolean; message?: string; attachmentId?: string };
  expect(body.ok).toBe(false);
  expect(body.message).toMatch(CHINESE);
  // nothing stored: no id comes back, so there is nothing anyone could fetch
  expect(body.attachmentId).toBeUndefined();
  return body;
}

test.describe.serial("附件上传与查看（API）", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    ({ context: contextA, page: pageA } = await newPerson(browser));
    ({ context: contextB, page: pageB, person: personB } = await newPerson(browser));
  });

  test.afterAll(async () => {
    await contextA?.close();
    await contextB?.close();
  });

  test("the owner uploads and sees the file; another person and the logged-out do not", async ({
    browser,
    baseURL,
  }) => {
    const posted = await upload(pageA, "document-page", await documentPagePng(), baseURL);
    expect(posted.status()).toBe(200);
    expect(posted.headers()["cache-control"]).toContain("no-store");
    const body = (await posted.json()) as {
      ok: boolean;
      attachmentId: string;
      width: number;
      height: number;
    };
    expect(body.ok).toBe(true);
    expect(body.attachmentId).toMatch(/^[0-9a-f-]{36}$/);
    // 2400 × 1800 is scaled to the 2000 px long edge
    expect([body.width, body.height]).toEqual([2000, 1500]);
    const url = `/api/attachments/${body.attachmentId}`;

    const own = await pageA.request.get(url);
    expect(own.status()).toBe(200);
    expect(own.headers()["cache-control"]).toContain("no-store");
    expect(own.headers()["content-type"]).toBe("image/jpeg");
    expect(own.headers()["x-content-type-options"]).toBe("nosniff");
    const bytes = await own.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // re-encoded as JPEG

    // B cannot tell A's file from a file that does not exist
    const stranger = await pageB.request.get(url, { failOnStatusCode: false });
    const missing = await pageB.request.get(`/api/attachments/${NO_SUCH_ATTACHMENT}`, {
      failOnStatusCode: false,
    });
    expect(stranger.status()).toBe(404);
    expect(missing.status()).toBe(404);
    expect(await stranger.text()).toBe(await missing.text());
    expect(stranger.headers()["content-type"]).not.toContain("image");

    const anonymous = await browser.newContext();
    try {
      const res = await anonymous.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      expect([401, 302, 303, 307]).toContain(res.status());
      expect(res.headers()["content-type"] ?? "").not.toContain("image");
      expect((await res.body()).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    } finally {
      await anonymous.close();
    }
  });

  test("a post from another site is refused", async ({ baseURL }) => {
    const page = await documentPagePng();
    const withoutOrigin = await upload(pageB, "document-page", page, undefined);
    expect(withoutOrigin.status()).toBe(403);
    await expectRefused(withoutOrigin);
    const foreign = await upload(pageB, "document-page", page, "https://evil.example");
    expect(foreign.status()).toBe(403);
    await expectRefused(foreign);
    // the same session and file from our own origin is accepted: the Origin made the difference
    expect((await upload(pageB, "document-page", page, baseURL)).status()).toBe(200);
  });

  test("a post from a page of another person than the one logged in, or of nobody, is refused", async ({
    baseURL,
  }) => {
    const page = await documentPagePng();
    const before = await attachmentsOf(personB);
    // A's page, sent with B's cookie (B logged in meanwhile in another tab)
    const foreignPage = await upload(pageB, "document-page", page, baseURL, await ownerOf(pageA));
    expect(foreignPage.status()).toBe(409);
    expect((await expectRefused(foreignPage)).message).toBe(
      "当前登录的账号已变更，请刷新页面后重新上传",
    );
    const noPage = await upload(pageB, "document-page", page, baseURL, null);
    expect(noPage.status()).toBe(428);
    expect((await expectRefused(noPage)).message).toContain("请刷新页面");
    expect(await attachmentsOf(personB)).toBe(before);
    // the same session and file naming B's own page is accepted: the owner made the difference
    expect((await upload(pageB, "document-page", page, baseURL)).status()).toBe(200);
    expect(await attachmentsOf(personB)).toBe(before + 1);
  });

  test("a renamed executable, a 6 MB photo and a damaged JPEG are refused and not stored", async ({
    baseURL,
  }) => {
    const executable = await expectRefused(
      await upload(pageA, "document-page", renamedExecutable(), baseURL),
    );
    expect(executable.message).toContain("JPG");

    const big = await oversizeJpeg();
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const tooLarge = await upload(pageA, "document-page", big, baseURL);
    expect(tooLarge.status()).toBe(413);
    expect((await expectRefused(tooLarge)).message).toContain("5MB");

    const damaged = await upload(pageA, "headshot", await corruptedJpeg(), baseURL);
    expect(damaged.status()).toBe(422);
    expect((await expectRefused(damaged)).message).toContain("损坏");
  });

  test("the logged-out cannot upload", async ({ browser, baseURL }) => {
    const anonymous = await browser.newContext();
    try {
      const res = await anonymous.request.post("/api/attachments?kind=document-page", {
        data: await documentPagePng(),
        headers: { "content-type": "image/jpeg", origin: baseURL! },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      expect(res.status()).toBe(401);
      await expectRefused(res);
    } finally {
      await anonymous.close();
    }
  });
});
