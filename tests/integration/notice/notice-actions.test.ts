import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  previewNoticeAction,
  publishNoticeAction,
  saveNoticeAction,
  withdrawNoticeAction,
} from "@/app/[locale]/console/(staff)/notices/actions";
import {
  resetCollectionNoticeAction,
  saveCollectionNoticeAction,
} from "@/app/[locale]/console/(staff)/content/collection-notice/actions";
import { CONTENT_BLOCKS_TAG, NOTICES_TAG } from "@/lib/cache/published";
import { db } from "@/lib/db/client";
import { getPublishedNotice } from "@/lib/notice/notices";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import { createEnrolledStaff, staffSessionOf } from "../../support/staff";

// The console's actions: the role they need, and the portal's cache told after every change the
// public can see — a draft's save tells it nothing, a publish or withdrawal does.
const token = vi.hoisted(() => ({ sid: null as string | null }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[] }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.sid ? { sid: token.sid } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest-staff" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: (tag: string) => revalidated.tags.push(tag),
  unstable_cache: <T>(fn: T) => fn,
}));

async function signIn(regionCode: string, roles: Parameters<typeof createEnrolledStaff>[2]) {
  const s = await createEnrolledStaff(db, regionCode, roles);
  token.sid = await staffSessionOf(db, s, new Date(Date.now() + 31_000));
  return s;
}

beforeEach(() => {
  revalidated.tags = [];
});

describe("通知公告's actions", () => {
  it("saves a draft without touching the portal, publishes and withdraws telling it", async () => {
    await signIn("440100", ["staff-admin"]);
    const saved = await saveNoticeAction({ title: "动作测试", body: "正文<script>x</script>" });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const { id } = saved.data;
    expect(revalidated.tags).toEqual([]);

    expect(await publishNoticeAction({ id, at: "" })).toEqual({ ok: true, data: null });
    expect(revalidated.tags).toEqual([NOTICES_TAG]);
    expect((await getPublishedNotice(id))?.html).toBe("<p>正文&lt;script&gt;x&lt;/script&gt;</p>");

    expect((await saveNoticeAction({ id, title: "动作测试（更正）", body: "更正" })).ok).toBe(true);
    expect(revalidated.tags).toEqual([NOTICES_TAG, NOTICES_TAG]);

    expect(await withdrawNoticeAction({ id })).toEqual({ ok: true, data: null });
    expect(revalidated.tags).toHaveLength(3);
    expect(await getPublishedNotice(id)).toBeNull();

    // A second click on a page not yet refreshed: the page is read again ("stale").
    expect(await withdrawNoticeAction({ id })).toMatchObject({ ok: false, code: "stale" });
  });

  it("previews with the server's sanitiser", async () => {
    await signIn("440000", ["staff-admin"]);
    expect(
      await previewNoticeAction({ body: "<strong>重要</strong><img src=x onerror=alert(1)>" }),
    ).toEqual({ ok: true, data: { html: "<p><strong>重要</strong></p>" } });
  });

  it("refuses staff without the administrator role, writing nothing", async () => {
    await signIn("440100", ["ce-review", "archive-read"]);
    const before = await db.notice.count();
    for (const r of [
      await saveNoticeAction({ title: "t", body: "b" }),
      await previewNoticeAction({ body: "b" }),
      await publishNoticeAction({ id: "00000000-0000-7000-8000-000000000000", at: "" }),
      await withdrawNoticeAction({ id: "00000000-0000-7000-8000-000000000000" }),
      await saveCollectionNoticeAction({ title: "t", body: "b" }),
      await resetCollectionNoticeAction({}),
    ]) {
      expect(r).toEqual({ ok: false, fieldErrors: {}, formError: ROLE_DENIED });
    }
    expect(await db.notice.count()).toBe(before);
    expect(revalidated.tags).toEqual([]);
  });
});

describe("采集须知's actions", () => {
  it("save and reset tell the wizard's cache", async () => {
    await signIn("440800", ["staff-admin"]); // 湛江市: no other test writes its text
    await db.contentBlock.deleteMany({ where: { regionCode: "440800" } });
    expect(await saveCollectionNoticeAction({ title: "湛江须知", body: "一\n二" })).toEqual({
      ok: true,
      data: null,
    });
    expect(revalidated.tags).toEqual([CONTENT_BLOCKS_TAG]);
    expect(await resetCollectionNoticeAction({})).toEqual({ ok: true, data: null });
    expect(revalidated.tags).toEqual([CONTENT_BLOCKS_TAG, CONTENT_BLOCKS_TAG]);
    expect(await db.contentBlock.count({ where: { regionCode: "440800" } })).toBe(0);
  });
});
