import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { StaffActor, StaffRole } from "@/lib/codes/staff-roles";
import { db } from "@/lib/db/client";
import {
  CONTACT_NOT_FOUND,
  contactForEdit,
  keptContacts,
  removeFinanceContact,
  saveFinanceContact,
} from "@/lib/help/contact-admin";
import {
  allFinanceContacts,
  contactDirectory,
  financeContactsFor,
} from "@/lib/help/finance-contacts";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { ctx } from "../../support/collection";

// 财政部门联系方式 on the test database: kept by the 管理员 of the office or of one above it,
// every change audited, read by the public 帮助 page county first. 湛江 (4408) and 茂名 (4409):
// no other test writes their contacts, and each test starts with none.

const staff = (regionCode: string, roles: StaffRole[] = ["staff-admin"]): StaffActor => ({
  staffId: randomUUID(),
  regionCodes: [regionCode],
  roles,
});
const PROVINCE = staff("440000");
const ZHANJIANG = staff("440800");
const XIASHAN = staff("440803"); // 湛江市霞山区
const CHIKAN = "440802"; // 湛江市赤坎区, its sibling
const MAOMING = staff("440900");

const input = (regionCode: string, over: Record<string, string> = {}) => ({
  regionCode,
  officeName: "湛江市财政局会计科",
  phone: "0759 222 2222",
  address: "湛江市赤坎区示例路1号",
  hours: " 工作日 9:00—17:00 ",
  ...over,
});

beforeEach(async () => {
  await db.financeOfficeContact.deleteMany({
    where: { OR: [{ regionCode: { startsWith: "4408" } }, { regionCode: { startsWith: "4409" } }] },
  });
});

/** The contact.update rows written since `after` (an audit id), oldest first. */
async function auditSince(after: bigint) {
  return db.auditEvent.findMany({
    where: { action: "contact.update", id: { gt: after } },
    orderBy: { id: "asc" },
    select: { actorId: true, regionCode: true, targetType: true, targetId: true, details: true },
  });
}
async function lastAuditId(): Promise<bigint> {
  const row = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

describe("saving an office's contact", () => {
  it("creates it as dialled and trimmed, audited; the same input again writes nothing", async () => {
    const before = await lastAuditId();
    expect(await saveFinanceContact(db, ctx, ZHANJIANG, input("440800"))).toEqual({
      ok: true,
      changed: true,
    });
    const row = await db.financeOfficeContact.findUniqueOrThrow({
      where: { regionCode: "440800" },
    });
    expect(row).toMatchObject({
      officeName: "湛江市财政局会计科",
      phone: "0759-2222222",
      hours: "工作日 9:00—17:00",
      updatedBy: ZHANJIANG.staffId,
    });
    expect(await saveFinanceContact(db, ctx, ZHANJIANG, input("440800"))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await auditSince(before)).toEqual([
      {
        actorId: ZHANJIANG.staffId,
        regionCode: "440800",
        targetType: "finance-contact",
        targetId: "440800",
        details: { op: "create", fields: [] },
      },
    ]);
  });

  it("lets the office above change it, recording which fields changed", async () => {
    await saveFinanceContact(db, ctx, ZHANJIANG, input("440800"));
    const before = await lastAuditId();
    const r = await saveFinanceContact(
      db,
      ctx,
      PROVINCE,
      input("440800", { phone: "0759-3333333", hours: "" }),
    );
    expect(r).toEqual({ ok: true, changed: true });
    const [audit] = await auditSince(before);
    expect(audit).toMatchObject({
      actorId: PROVINCE.staffId,
      details: { op: "update", fields: ["phone", "hours"] },
    });
    expect(
      (await db.financeOfficeContact.findUniqueOrThrow({ where: { regionCode: "440800" } })).phone,
    ).toBe("0759-3333333");
  });

  it("refuses bad input at its fields, in Chinese, storing nothing", async () => {
    const before = await lastAuditId();
    const r = await saveFinanceContact(
      db,
      ctx,
      ZHANJIANG,
      input("440800", { officeName: " ", phone: "2222222", address: "" }),
    );
    expect(r).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        officeName: "请填写单位名称",
        phone: "联系电话无效，固定电话请带区号，如：020-83170000",
        address: "请填写办公地址",
      },
    });
    expect(await db.financeOfficeContact.count({ where: { regionCode: "440800" } })).toBe(0);
    expect(await auditSince(before)).toEqual([]);
  });

  it("refuses a sibling's, a parent's, an excluded city's and an unknown office like a missing one", async () => {
    const before = await lastAuditId();
    const refused = { ok: false, reason: "not-found", message: CONTACT_NOT_FOUND };
    expect(await saveFinanceContact(db, ctx, MAOMING, input("440800"))).toEqual(refused);
    expect(await saveFinanceContact(db, ctx, XIASHAN, input(CHIKAN))).toEqual(refused);
    expect(await saveFinanceContact(db, ctx, XIASHAN, input("440800"))).toEqual(refused);
    expect(await saveFinanceContact(db, ctx, PROVINCE, input("440300"))).toEqual(refused); // 深圳
    expect(await saveFinanceContact(db, ctx, PROVINCE, input("440899"))).toEqual(refused);
    expect(
      await db.financeOfficeContact.count({ where: { regionCode: { in: ["440800", CHIKAN] } } }),
    ).toBe(0);
    expect(await auditSince(before)).toEqual([]);
  });

  it("refuses staff without 管理员", async () => {
    const r = await saveFinanceContact(db, ctx, staff("440800", ["ce-review"]), input("440800"));
    expect(r).toMatchObject({ ok: false, reason: "role" });
    expect(await contactForEdit(db, staff("440800", ["ce-review"]), "440800")).toBeNull();
    expect(await keptContacts(db, staff("440800", ["audit-read"]))).toBeNull();
  });
});

describe("removing an office's contact", () => {
  it("by the office above: gone from the public reads, audited; removing it again writes nothing", async () => {
    await saveFinanceContact(db, ctx, XIASHAN, input("440803", { officeName: "霞山区财政局" }));
    const before = await lastAuditId();
    expect(await removeFinanceContact(db, ctx, ZHANJIANG, "440803")).toEqual({
      ok: true,
      removed: true,
    });
    expect(await db.financeOfficeContact.count({ where: { regionCode: "440803" } })).toBe(0);
    expect((await contactForEdit(db, ZHANJIANG, "440803"))?.contact).toBeNull();
    expect(await removeFinanceContact(db, ctx, ZHANJIANG, "440803")).toEqual({
      ok: true,
      removed: false,
    });
    expect(await auditSince(before)).toEqual([
      {
        actorId: ZHANJIANG.staffId,
        regionCode: "440803",
        targetType: "finance-contact",
        targetId: "440803",
        details: { op: "remove", fields: [] },
      },
    ]);
  });

  it("refuses a sibling, a county removing its city's, and staff without 管理员, removing nothing", async () => {
    await saveFinanceContact(db, ctx, ZHANJIANG, input("440800"));
    const refused = { ok: false, reason: "not-found", message: CONTACT_NOT_FOUND };
    expect(await removeFinanceContact(db, ctx, MAOMING, "440800")).toEqual(refused);
    expect(await removeFinanceContact(db, ctx, XIASHAN, "440800")).toEqual(refused);
    const r = await removeFinanceContact(db, ctx, staff("440800", ["ce-review"]), "440800");
    expect(r).toMatchObject({ ok: false, reason: "role" });
    expect(await db.financeOfficeContact.count({ where: { regionCode: "440800" } })).toBe(1);
  });
});

describe("the offices a 管理员 keeps", () => {
  it("are their own and those below, each with its contact or none", async () => {
    await saveFinanceContact(db, ctx, XIASHAN, input("440803", { officeName: "霞山区财政局" }));
    const groups = await keptContacts(db, ZHANJIANG);
    expect(groups?.map((g) => g.label)).toEqual(["湛江市"]);
    const offices = groups![0]!.offices;
    expect(offices[0]).toMatchObject({
      regionCode: "440800",
      defaultName: "湛江市财政局",
      contact: null,
    });
    expect(offices.find((o) => o.regionCode === "440803")?.contact?.officeName).toBe(
      "霞山区财政局",
    );
    expect(offices.every((o) => o.regionCode.startsWith("4408"))).toBe(true);

    expect(await contactForEdit(db, ZHANJIANG, "440803")).toMatchObject({
      regionName: "广东省 湛江市 霞山区",
      defaultName: "霞山区财政局",
      contact: { phone: "0759-2222222" },
    });
    expect(await contactForEdit(db, ZHANJIANG, "440900")).toBeNull();
    expect(await contactForEdit(db, XIASHAN, "440800")).toBeNull();
  });
});

describe("the public reads", () => {
  it("give a person their county's office, then their city's; nothing that was not saved", async () => {
    const j = getJurisdiction();
    expect(await financeContactsFor(db, "440803", j)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ regionCode: "440803" })]),
    );
    await saveFinanceContact(db, ctx, ZHANJIANG, input("440800"));
    await saveFinanceContact(db, ctx, XIASHAN, input("440803", { officeName: "霞山区财政局" }));
    const mine = await financeContactsFor(db, "440803", j);
    expect(mine.slice(0, 2).map((c) => [c.regionCode, c.officeName, c.regionName])).toEqual([
      ["440803", "霞山区财政局", "广东省 湛江市 霞山区"],
      ["440800", "湛江市财政局会计科", "广东省 湛江市"],
    ]);
    expect((await financeContactsFor(db, CHIKAN, j)).map((c) => c.regionCode)).not.toContain(
      "440803",
    );

    const directory = contactDirectory(await allFinanceContacts(db), j);
    const zhanjiang = directory.find((g) => g.code === "440800");
    expect(zhanjiang?.contacts.map((c) => c.regionCode)).toEqual(["440800", "440803"]);
    expect(directory.find((g) => g.code === "440900")).toBeUndefined();
  });
});
