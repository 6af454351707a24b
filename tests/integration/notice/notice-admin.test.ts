import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  listNotices,
  NOTICE_EMPTY_BODY,
  NOTICE_NOT_FOUND,
  noticeForEdit,
  publishNotice,
  PUBLISH_TIME_FAR,
  PUBLISH_TIME_PAST,
  saveNotice,
  withdrawNotice,
} from "@/lib/notice/notice-admin";
import { getPublishedNotice, listPublishedNotices } from "@/lib/notice/notices";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { ctx, NOW } from "../../support/collection";

// NOW is 12:00 Beijing time on 2026-11-27.
const LATER = new Date(NOW.getTime() + 3_600_000);
const staff = (regionCode: string): StaffActor => ({
  staffId: randomUUID(),
  regionCodes: [regionCode],
  roles: ["staff-admin"],
});
const PROVINCE = staff("440000");
const GUANGZHOU = staff("440100");
const TIANHE = staff("440106");
const SHENZHEN = staff("440300");

async function draft(scope: StaffActor, body = "第一段\n\n第二段") {
  const r = await saveNotice(db, ctx, scope, { title: `通知 ${randomUUID()}`, body });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

const auditOf = (id: string) =>
  db.auditEvent.findMany({
    where: { targetType: "notice", targetId: id },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, regionCode: true, outcome: true, details: true },
  });

const publicIds = async (now: Date) => (await listPublishedNotices(100, now)).map((n) => n.id);

describe("writing a notice", () => {
  it("creates a draft under the staff member's own region, sanitised, audited, not public", async () => {
    const r = await saveNotice(db, ctx, GUANGZHOU, {
      title: "  关于采集的通知 ",
      body: '请 <strong>按时</strong> 提交<script>alert(1)</script>\n\n<a href="javascript:alert(1)" onclick="x">链接</a><img src=x onerror=alert(1)>',
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const row = await db.notice.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({
      title: "关于采集的通知",
      regionCode: "440100",
      status: "draft",
      publishedAt: null,
      withdrawnAt: null,
      createdBy: GUANGZHOU.staffId,
      updatedBy: GUANGZHOU.staffId,
    });
    expect(row.body).toBe(
      '<p>请 <strong>按时</strong> 提交</p>\n\n<p><a rel="noopener noreferrer" target="_blank">链接</a></p>',
    );
    expect(await auditOf(r.id)).toEqual([
      {
        action: "notice.create",
        actorId: GUANGZHOU.staffId,
        regionCode: "440100",
        outcome: "success",
        details: { status: "draft" },
      },
    ]);
    expect(await publicIds(LATER)).not.toContain(r.id);
    expect(await getPublishedNotice(r.id, LATER)).toBeNull();
  });

  it("refuses a body with nothing the allow-list keeps, and an empty title, at their fields", async () => {
    const r = await saveNotice(db, ctx, GUANGZHOU, {
      title: "标题",
      body: "<p><img src=x onerror=alert(1)></p>\n\n<ul><li><script>x</script></li></ul>",
    });
    expect(r).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { body: NOTICE_EMPTY_BODY },
    });
    // Without an allowed tag the same markup is text, shown as typed.
    const text = await saveNotice(db, ctx, GUANGZHOU, {
      title: "标题",
      body: "<img src=x onerror=alert(1)>",
    });
    if (!text.ok) throw new Error(JSON.stringify(text));
    expect((await noticeForEdit(db, GUANGZHOU, text.id))?.body).toBe(
      "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
    );
    const empty = await saveNotice(db, ctx, GUANGZHOU, { title: "  ", body: "正文" });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { title: "请填写标题" } });
  });

  it("changes a draft's title and body, sanitised again, and audits notice.update", async () => {
    const id = await draft(GUANGZHOU);
    const r = await saveNotice(db, ctx, GUANGZHOU, {
      id,
      title: "改后的标题",
      body: '<h3 style="color:red">小标题</h3>\n\n正文 <em>强调</em>',
    });
    expect(r).toEqual({ ok: true, id, status: "draft" });
    const row = await noticeForEdit(db, GUANGZHOU, id);
    expect(row).toMatchObject({ title: "改后的标题", status: "draft" });
    expect(row!.body).toBe("<h3>小标题</h3>\n\n<p>正文 <em>强调</em></p>");
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["notice.create", "notice.update"]);
  });
});

describe("a staff member's region and below", () => {
  it("lets the author's office and the offices above act; a sibling and an office below see nothing", async () => {
    const id = await draft(GUANGZHOU);
    for (const scope of [GUANGZHOU, PROVINCE]) {
      expect((await noticeForEdit(db, scope, id))?.id).toBe(id);
      expect((await listNotices(db, scope, { status: "draft" })).rows.map((n) => n.id)).toContain(
        id,
      );
    }
    for (const scope of [SHENZHEN, TIANHE]) {
      expect(await noticeForEdit(db, scope, id)).toBeNull();
      expect((await listNotices(db, scope)).rows.map((n) => n.id)).not.toContain(id);
      const refusal = { ok: false, reason: "not-found", message: NOTICE_NOT_FOUND };
      expect(await saveNotice(db, ctx, scope, { id, title: "越权", body: "越权" })).toEqual(
        refusal,
      );
      expect(await publishNotice(db, ctx, scope, { id, at: "" }, NOW)).toEqual(refusal);
    }
    // The province's administrator changes the city's notice; it stays the city's.
    expect((await saveNotice(db, ctx, PROVINCE, { id, title: "省里改的", body: "正文" })).ok).toBe(
      true,
    );
    expect(await publishNotice(db, ctx, PROVINCE, { id, at: "" }, NOW)).toMatchObject({
      ok: true,
      id,
    });
    expect(await withdrawNotice(db, ctx, SHENZHEN, { id }, LATER)).toMatchObject({
      reason: "not-found",
    });
    expect(await withdrawNotice(db, ctx, TIANHE, { id }, LATER)).toMatchObject({
      reason: "not-found",
    });
    const row = await db.notice.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "省里改的", regionCode: "440100", status: "published" });
    expect(row.updatedBy).toBe(PROVINCE.staffId);
    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["notice.create", GUANGZHOU.staffId],
      ["notice.update", PROVINCE.staffId],
      ["notice.publish", PROVINCE.staffId],
    ]);
    expect(audit.every((a) => a.regionCode === "440100")).toBe(true);
  });

  it("treats a malformed id like a missing one", async () => {
    expect(await noticeForEdit(db, PROVINCE, "not-a-uuid")).toBeNull();
    expect(await withdrawNotice(db, ctx, PROVINCE, { id: "x' OR 1=1" }, NOW)).toMatchObject({
      reason: "not-found",
    });
    expect(await publishNotice(db, ctx, PROVINCE, { id: randomUUID(), at: "" }, NOW)).toMatchObject(
      {
        reason: "not-found",
      },
    );
  });
});

describe("publishing and withdrawing", () => {
  it("publishes at once: public with its region, shown to everybody; then withdrawn it is gone", async () => {
    const id = await draft(SHENZHEN);
    expect(await withdrawNotice(db, ctx, SHENZHEN, { id }, NOW)).toMatchObject({
      ok: false,
      reason: "stale",
    });
    expect(await publishNotice(db, ctx, SHENZHEN, { id, at: "" }, NOW)).toEqual({
      ok: true,
      id,
      status: "published",
    });
    expect(await db.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "published",
      publishedAt: NOW,
    });
    expect(await publicIds(LATER)).toContain(id);
    expect(await getPublishedNotice(id, LATER)).toMatchObject({
      id,
      regionCode: "440300",
      publishedAt: NOW,
      html: "<p>第一段</p>\n\n<p>第二段</p>",
    });
    expect(await publishNotice(db, ctx, SHENZHEN, { id, at: "" }, LATER)).toMatchObject({
      reason: "stale",
      message: "该公告已经发布",
    });

    expect(await withdrawNotice(db, ctx, SHENZHEN, { id }, LATER)).toEqual({
      ok: true,
      id,
      status: "withdrawn",
    });
    expect(await db.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "withdrawn",
      withdrawnAt: LATER,
      publishedAt: NOW,
    });
    expect(await publicIds(LATER)).not.toContain(id);
    expect(await getPublishedNotice(id, LATER)).toBeNull();
    for (const r of [
      await saveNotice(db, ctx, SHENZHEN, { id, title: "再改", body: "再改" }),
      await publishNotice(db, ctx, SHENZHEN, { id, at: "" }, LATER),
      await withdrawNotice(db, ctx, SHENZHEN, { id }, LATER),
    ]) {
      expect(r).toMatchObject({ ok: false, reason: "stale" });
    }
    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["notice.create", { status: "draft" }],
      [
        "notice.publish",
        { from: "draft", status: "published", publishedAt: NOW.toISOString(), scheduled: false },
      ],
      ["notice.withdraw", { from: "published", status: "withdrawn" }],
    ]);
  });

  it("publishes at a Beijing time: public only from then; a time past or too far ahead is refused", async () => {
    const id = await draft(GUANGZHOU);
    expect(await publishNotice(db, ctx, GUANGZHOU, { id, at: "2026-11-27T12:00" }, NOW)).toEqual({
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: { at: PUBLISH_TIME_PAST },
    });
    expect(
      await publishNotice(db, ctx, GUANGZHOU, { id, at: "2028-01-01T00:00" }, NOW),
    ).toMatchObject({
      fieldErrors: { at: PUBLISH_TIME_FAR },
    });
    expect(
      await publishNotice(db, ctx, GUANGZHOU, { id, at: "2026-02-30T10:00" }, NOW),
    ).toMatchObject({
      fieldErrors: { at: "请选择正确的发布时间" },
    });
    expect(
      await publishNotice(db, ctx, GUANGZHOU, { id, at: "2026-11-27T12:30" }, NOW),
    ).toMatchObject({
      ok: true,
      id,
    });
    const at = new Date("2026-11-27T04:30:00Z");
    expect((await db.notice.findUniqueOrThrow({ where: { id } })).publishedAt).toEqual(at);
    expect(await publicIds(new Date(at.getTime() - 1))).not.toContain(id);
    expect(await getPublishedNotice(id, new Date(at.getTime() - 1))).toBeNull();
    expect(await publicIds(at)).toContain(id);
    // A scheduled notice may still be withdrawn before its time.
    expect(await withdrawNotice(db, ctx, GUANGZHOU, { id }, NOW)).toMatchObject({ ok: true, id });
    expect(await publicIds(LATER)).not.toContain(id);
  });

  it("withdraws once when two staff click at the same time", async () => {
    const id = await draft(GUANGZHOU);
    await publishNotice(db, ctx, GUANGZHOU, { id, at: "" }, NOW);
    const results = await Promise.all([
      withdrawNotice(db, ctx, GUANGZHOU, { id }, LATER),
      withdrawNotice(db, ctx, PROVINCE, { id }, LATER),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect((await auditOf(id)).filter((a) => a.action === "notice.withdraw")).toHaveLength(1);
  });
});

describe("the portal's reads", () => {
  it("shows a notice from before the editor as escaped paragraphs", async () => {
    const row = await db.notice.create({
      data: {
        title: "旧公告",
        body: "第一段 <script>alert(1)</script>\n第二段 & 结束",
        regionCode: "440000",
        publishedAt: NOW,
      },
    });
    expect(row.status).toBe("published"); // the column's default, as for seeded notices
    expect((await getPublishedNotice(row.id, LATER))?.html).toBe(
      "<p>第一段 &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>第二段 &amp; 结束</p>",
    );
  });

  it("hides a row marked published that carries a withdrawal, and a draft given a time", async () => {
    const withdrawn = await db.notice.create({
      data: { title: "t", body: "b", regionCode: "440000", publishedAt: NOW, withdrawnAt: NOW },
    });
    const drafted = await db.notice.create({
      data: { title: "t", body: "b", regionCode: "440000", publishedAt: NOW, status: "draft" },
    });
    for (const id of [withdrawn.id, drafted.id]) {
      expect(await getPublishedNotice(id, LATER)).toBeNull();
      expect(await publicIds(LATER)).not.toContain(id);
    }
  });
});
