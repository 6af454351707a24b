import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NOT_COLLECTED } from "@/lib/collection/archive-service";
import { ATTACHMENT_INVALID } from "@/lib/collection/draft-service";
import { editLocks, TRANSFER_LOCKED } from "@/lib/person/locks";
import {
  ALREADY_OPEN,
  APPLICATION_INVALID,
  applyForTransferOut,
  PENDING_CE,
} from "@/lib/transfer/out-apply";
import { storeUpload } from "@/lib/upload/attachment-service";
import { documentPagePng, threeMbJpeg } from "../../fixtures/images/make";
import { exam } from "../../support/ce";
import { ctx, NOW, personWithSession, tempStorageForFile } from "../../support/collection";
import { CALENDAR, transferFixtures } from "../../support/transfer";

const store = tempStorageForFile();
const { collected, evidence, claimId, proof, application } = transferFixtures(store);

const apply = (s: Parameters<typeof applyForTransferOut>[2], input: unknown, now = NOW) =>
  applyForTransferOut(db, ctx, s, input, CALENDAR, now);

describe("申请调出", () => {
  it("stores a pending application due at the end of the next working day and locks the person", async () => {
    const s = await collected();
    // 2026-11-27 is a Friday: the next working day is Monday 11-30, due at 24:00 Beijing.
    const r = await apply(s, await application(s));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.reviewDueAt.toISOString()).toBe("2026-11-30T16:00:00.000Z");

    const row = await db.transferOut.findUniqueOrThrow({
      where: { id: r.id },
      include: { attachments: true },
    });
    expect(row).toMatchObject({
      state: "pending",
      regionCode: "440106",
      destMember: "440300",
      destRegionCode: "440305",
    });
    expect(row.attachments).toHaveLength(1);
    const file = await db.attachment.findUniqueOrThrow({
      where: { id: row.attachments[0]!.attachmentId },
    });
    expect(file.orphanedAt).toBeNull();
    expect((await editLocks(db, s.personId)).transfer).toBe(TRANSFER_LOCKED);
    const audit = await db.auditEvent.findMany({ where: { targetId: r.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["transfer.out-apply", s.personId]]);
  });

  it("counts working days across 国庆 (a holiday week and its 调休 Saturday)", async () => {
    const s = await collected();
    // Applied 2026-09-30 (Wed): 10-01…10-07 off; 2026-10-10 (Sat) is a 调休 working day.
    const r = await apply(s, await application(s), new Date("2026-09-30T02:00:00Z"));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.reviewDueAt.toISOString()).toBe("2026-10-08T16:00:00.000Z");
  });

  it("refuses a person whose collection is not complete", async () => {
    const s = await personWithSession(db);
    const r = await apply(s, await application(s));
    expect(r).toMatchObject({ ok: false, reason: "not-collected", message: NOT_COLLECTED });
  });

  it("refuses a second application while one is open, even when both are saved at once", async () => {
    const s = await collected();
    const inputs = await Promise.all(Array.from({ length: 6 }, () => application(s)));
    const results = await Promise.all(inputs.map((input) => apply(s, input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, reason: "open", message: ALREADY_OPEN });
    }
    expect(await db.transferOut.count({ where: { personId: s.personId } })).toBe(1);
  });

  it("refuses the own jurisdiction, a region of another member, and a city that has counties", async () => {
    const s = await collected();
    const own = await apply(
      s,
      await application(s, { destMember: "440000", destRegionCode: "440106" }),
    );
    expect(own).toMatchObject({ ok: false, reason: "invalid", message: APPLICATION_INVALID });
    expect(own.ok || own.fieldErrors).toMatchObject({
      destMember: expect.stringContaining("本平台的辖区"),
    });

    const elsewhere = await apply(s, await application(s, { destRegionCode: "440106" }));
    expect(elsewhere.ok || elsewhere.fieldErrors).toMatchObject({
      destRegionCode: expect.stringContaining("本平台的辖区"),
    });
    const notInMember = await apply(s, await application(s, { destRegionCode: "110105" }));
    expect(notInMember.ok || notInMember.fieldErrors).toEqual({
      destRegionCode: "所选地区不属于深圳市",
    });
    const city = await apply(
      s,
      await application(s, { destMember: "110000", destRegionCode: "110000" }),
    );
    expect(city.ok || city.fieldErrors).toMatchObject({
      destRegionCode: expect.stringContaining("区县"),
    });
    expect(await db.transferOut.count({ where: { personId: s.personId } })).toBe(0);
  });

  it("refuses while 继续教育 claims await recognition", async () => {
    const s = await collected();
    await claimId(s, exam(await evidence(s)));
    const r = await apply(s, await application(s));
    expect(r).toMatchObject({ ok: false, reason: "pending-ce", message: PENDING_CE });
    expect((await editLocks(db, s.personId)).transfer).toBeNull();
  });

  it("takes only the person's own 调转附件 uploads", async () => {
    const s = await collected();
    const other = await collected();
    const theirs = await proof(other);
    const r = await apply(s, await application(s, { attachmentIds: [theirs] }));
    expect(r.ok || r.fieldErrors).toEqual({ attachmentIds: ATTACHMENT_INVALID });
    const wrongKind = await evidence(s);
    const r2 = await apply(s, await application(s, { attachmentIds: [wrongKind] }));
    expect(r2.ok || r2.fieldErrors).toEqual({ attachmentIds: ATTACHMENT_INVALID });
  });

  it("answers field by field for what the form checks", async () => {
    const s = await collected();
    const r = await apply(s, {
      destMember: "",
      destRegionCode: "",
      reason: " ",
      attachmentIds: [],
    });
    expect(r.ok || r.fieldErrors).toEqual({
      destMember: "请选择调入省份",
      destRegionCode: "请选择调入地区，须选到区县",
      reason: "请填写调出理由",
      attachmentIds: "请上传调转附件",
    });
  });
});

describe("调转附件 uploads", () => {
  it("refuses a PNG and a 3 MB JPEG with the manual's rule, storing nothing", async () => {
    const s = await collected();
    const before = await db.attachment.count({ where: { personId: s.personId } });
    const png = await storeUpload(db, store.current.storage, ctx, s, {
      kind: "transfer-proof",
      bytes: await documentPagePng(1200, 900),
    });
    expect(png).toMatchObject({ ok: false, message: "调转附件只能上传jpeg/jpg格式的图片" });
    const big = await storeUpload(db, store.current.storage, ctx, s, {
      kind: "transfer-proof",
      bytes: await threeMbJpeg(),
    });
    expect(big).toMatchObject({ ok: false, message: "调转附件每张不能超过2MB" });
    expect(await db.attachment.count({ where: { personId: s.personId } })).toBe(before);
  });
});
