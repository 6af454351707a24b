import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { contentForEdit, resetContentBlock, saveContentBlock } from "@/lib/content/content-admin";
import { appliedContentBlock, contentBlock } from "@/lib/content/content-blocks";
import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { ctx } from "../../support/collection";

// 广西 (45): no other test writes its texts, and each test starts from the platform default.
const staff = (regionCode: string): StaffActor => ({
  staffId: randomUUID(),
  regionCodes: [regionCode],
  roles: ["staff-admin"],
});
const PROVINCE = staff("450000");
const NANNING = staff("450100");
const XINGNING = staff("450102"); // 南宁市兴宁区
const QINGXIU = "450103"; // 南宁市青秀区, no text of its own
const LIUZHOU = "450200";
const KEY = "collection-notice" as const;

beforeEach(async () => {
  await db.contentBlock.deleteMany({ where: { key: KEY, regionCode: { startsWith: "45" } } });
});

const titleFor = async (region: string) => (await contentBlock(db, KEY, region))?.title;

const auditOf = (regionCode: string) =>
  db.auditEvent.findMany({
    where: { targetType: "content-block", targetId: `${KEY}:${regionCode}` },
    orderBy: { id: "desc" },
    take: 1,
    select: { action: true, actorId: true, regionCode: true, details: true },
  });

describe("采集须知 by region", () => {
  it("applies the most specific text: county, else city, else province, else the platform's", async () => {
    const platform = await titleFor(QINGXIU);
    expect(platform).toBe("会计人员信息采集须知");

    expect(
      await saveContentBlock(db, ctx, PROVINCE, KEY, { title: "广西须知", body: "省" }),
    ).toEqual({ ok: true });
    expect(await titleFor(QINGXIU)).toBe("广西须知");
    expect(await titleFor(LIUZHOU)).toBe("广西须知");

    await saveContentBlock(db, ctx, NANNING, KEY, { title: "南宁须知", body: "市\n\n第二段" });
    expect(await contentBlock(db, KEY, QINGXIU)).toEqual({
      title: "南宁须知",
      paragraphs: ["市", "第二段"],
    });
    expect(await titleFor("450100")).toBe("南宁须知");
    expect(await titleFor(LIUZHOU)).toBe("广西须知"); // a sibling city keeps the province's
    expect(await titleFor("450000")).toBe("广西须知"); // the city's never goes up

    await saveContentBlock(db, ctx, XINGNING, KEY, { title: "兴宁须知", body: "区" });
    expect(await titleFor("450102")).toBe("兴宁须知");
    expect(await titleFor(QINGXIU)).toBe("南宁须知"); // a sibling county keeps the city's
    expect((await appliedContentBlock(db, KEY, QINGXIU))?.regionCode).toBe("450100");
    // Guangdong is untouched.
    expect(await titleFor("440106")).not.toMatch(/广西|南宁|兴宁/);
  });

  it("stores the text under the staff member's own region, audited, and shows what applies", async () => {
    let edit = await contentForEdit(db, NANNING, KEY);
    expect(edit).toMatchObject({
      regionCode: "450100",
      own: null,
      applied: { regionCode: "000000" },
    });

    const r = await saveContentBlock(db, ctx, NANNING, KEY, {
      title: " 南宁须知 ",
      body: "<script>alert(1)</script>\r\n第二行",
    });
    expect(r).toEqual({ ok: true });
    edit = await contentForEdit(db, NANNING, KEY);
    // Plain text, kept as typed: React escapes it where it is shown.
    expect(edit?.own).toMatchObject({
      title: "南宁须知",
      body: "<script>alert(1)</script>\n第二行",
    });
    expect(edit?.applied).toMatchObject({
      regionCode: "450100",
      paragraphs: ["<script>alert(1)</script>", "第二行"],
    });
    expect(await auditOf("450100")).toEqual([
      {
        action: "content.update",
        actorId: NANNING.staffId,
        regionCode: "450100",
        details: { key: KEY, op: "create" },
      },
    ]);

    await saveContentBlock(db, ctx, NANNING, KEY, { title: "南宁须知（修订）", body: "新" });
    expect((await auditOf("450100"))[0]?.details).toEqual({ key: KEY, op: "update" });
    expect(
      await db.contentBlock.count({ where: { key: KEY, regionCode: { startsWith: "45" } } }),
    ).toBe(1);
  });

  it("refuses an empty title or body at the field and writes nothing", async () => {
    const r = await saveContentBlock(db, ctx, NANNING, KEY, { title: "", body: "  " });
    expect(r).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: "请填写标题", body: "请填写正文" },
    });
    expect(await db.contentBlock.count({ where: { key: KEY, regionCode: "450100" } })).toBe(0);
    const none = await saveContentBlock(db, ctx, staff(""), KEY, { title: "t", body: "b" });
    expect(none).toMatchObject({ ok: false, reason: "not-found" });
  });

  it("goes back to the upper office's text on reset, audited once", async () => {
    await saveContentBlock(db, ctx, PROVINCE, KEY, { title: "广西须知", body: "省" });
    await saveContentBlock(db, ctx, NANNING, KEY, { title: "南宁须知", body: "市" });
    expect(await resetContentBlock(db, ctx, NANNING, KEY)).toEqual({ ok: true });
    expect(await titleFor(QINGXIU)).toBe("广西须知");
    expect(await titleFor("450000")).toBe("广西须知"); // the province's own is untouched
    expect((await auditOf("450100"))[0]?.details).toEqual({ key: KEY, op: "reset" });
    const audits = () => db.auditEvent.count({ where: { targetId: `${KEY}:450100` } });
    const before = await audits();
    expect(await resetContentBlock(db, ctx, NANNING, KEY)).toEqual({ ok: true });
    expect(await audits()).toBe(before); // nothing to reset, nothing audited
  });
});
