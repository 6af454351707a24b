import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitTransferSchema } from "@/lib/exchange/messages";
import { editLocks, TRANSFER_LOCKED, TRANSFERRED_OUT } from "@/lib/person/locks";
import { OUTSIDE_REGION, type StaffScope } from "@/lib/region/scope";
import { FILE_UNREADABLE } from "@/lib/transfer/out-file";
import { applyHubStateOut } from "@/lib/transfer/out-outcome";
import { ALREADY_REVIEWED, reviewDueOut, reviewTransferOut } from "@/lib/transfer/out-review";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import { messagesTo } from "../../support/accounts";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";
import { transferFixtures } from "../../support/transfer";

const store = tempStorageForFile();
const { collected, applied } = transferFixtures(store);

const GUANGZHOU: StaffScope = { staffId: "staff-gz", regionCodes: ["4401"] };
const FOSHAN: StaffScope = { staffId: "staff-fs", regionCodes: ["4406"] };
/**
 * Applied on Monday 2026-08-03, due at the end of Tuesday (24:00 Beijing). Earlier than the other
 * files' applications on the shared database, so this file's job runs never review theirs.
 */
const APPLIED = new Date("2026-08-03T02:00:00Z");
const DUE = new Date("2026-08-04T16:00:00Z");

const outbox = (transferId: string) =>
  db.outboxMessage.findMany({ where: { transferId }, orderBy: { createdAt: "asc" } });

async function state(id: string) {
  const app = await db.transferOut.findUniqueOrThrow({ where: { id }, include: { person: true } });
  return { state: app.state, hubState: app.hubState, person: app.person.transferState };
}

describe("调出申请 review", () => {
  it("approves automatically at the due time and sends the whole file through the outbox", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    const job = { db, storage: store.current.storage };
    expect(await reviewDueOut({ ...job, now: new Date(DUE.getTime() - 1) })).toEqual({
      processed: 0,
    });
    expect(await reviewDueOut({ ...job, now: DUE })).toEqual({ processed: 1 });
    expect(await state(id)).toEqual({
      state: "approved",
      hubState: "submitted",
      person: "OUT_APPROVED",
    });
    expect((await editLocks(db, s.personId)).transfer).toBe(TRANSFER_LOCKED);

    const [message] = await outbox(id);
    expect(message).toMatchObject({ recipient: "hub", kind: "transfer.submit", deliveredAt: null });
    // The stored body is the contract's, without the message id (added when sent).
    const { transfer } = submitTransferSchema.omit({ messageId: true }).parse(message!.payload);
    expect(transfer).toMatchObject({
      id,
      destMember: "440300",
      destRegionCode: "440305",
      originRegionCode: "440106",
      originRegionName: "广东省广州市天河区",
      person: { name: s.name, idType: "RESIDENT_ID" },
    });
    const roles = transfer.file.attachments.map((a) => a.role).sort();
    expect(roles).toEqual([
      "personal.documentPageIds.EMBLEM",
      "personal.documentPageIds.PORTRAIT",
      "personal.headshotId",
      "transfer.proof.0",
    ]);
    expect(transfer.file.snapshot).toMatchObject({ work: { regionCode: "440106" } });
    expect(messagesTo(s.phone).at(-1)).toContain("调出申请审核通过");
    // Run again: it is not reviewed twice.
    await reviewDueOut({ ...job, now: DUE });
    expect(await outbox(id)).toHaveLength(1);
  });

  it("rejects automatically when a file cannot be read, and the person may apply again", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    const link = await db.transferOutAttachment.findFirstOrThrow({
      where: { transferId: id },
      include: { attachment: true },
    });
    await store.current.storage.delete(link.attachment.storageKey);
    await reviewDueOut({ db, storage: store.current.storage, now: DUE });
    const app = await db.transferOut.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({
      state: "rejected",
      reviewReason: FILE_UNREADABLE,
      reviewedBy: null,
    });
    expect((await state(id)).person).toBeNull();
    expect(await outbox(id)).toEqual([]);
    expect(messagesTo(s.phone).at(-1)).toContain("调出申请审核不通过");
    await applied(s, APPLIED);
  });

  it("lets staff of the region decide earlier, once; others find nothing", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    const review = (scope: StaffScope, decision: "approve" | "reject") =>
      reviewTransferOut(
        db,
        store.current.storage,
        ctx,
        { type: "staff", scope },
        id,
        {
          decision,
          reason: "调入单位证明不清晰，请重新上传",
        },
        NOW,
      );
    expect(await review(FOSHAN, "reject")).toMatchObject({ ok: false, message: OUTSIDE_REGION });
    const results = await Promise.all([review(GUANGZHOU, "reject"), review(GUANGZHOU, "approve")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      reason: "stale",
      message: ALREADY_REVIEWED,
    });
    const audit = await db.auditEvent.findMany({
      where: { targetId: id, action: "transfer.out-review" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "staff", actorId: "staff-gz" });
  });
});

describe("撤回 and the exchange's outcome", () => {
  it("ends a pending application at once and lifts the lock", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    expect(await withdrawTransferOut(db, ctx, s, id, NOW)).toEqual({
      ok: true,
      state: "withdrawn",
    });
    expect(await state(id)).toMatchObject({ state: "withdrawn", person: null });
    expect(await outbox(id)).toEqual([]);
  });

  it("asks the exchange for an approved one and follows its verdict either way", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    await reviewDueOut({ db, storage: store.current.storage, now: DUE });
    expect(await withdrawTransferOut(db, ctx, s, id, DUE)).toEqual({
      ok: true,
      state: "withdrawing",
    });
    expect(await withdrawTransferOut(db, ctx, s, id, DUE)).toEqual({
      ok: true,
      state: "withdrawing",
    });
    const events = (await outbox(id)).filter((m) => m.kind === "transfer.event");
    expect(events.map((m) => m.payload)).toEqual([{ event: "withdraw" }]);
    expect((await state(id)).person).toBe("OUT_APPROVED");

    // The destination's receipt reached the hub first: the transfer completes.
    const r = await db.$transaction((tx) => applyHubStateOut(tx, ctx, id, "received", DUE));
    expect(r).toMatchObject({ ok: true, changed: true, state: "transferred" });
    expect(await state(id)).toMatchObject({
      state: "transferred",
      hubState: "received",
      person: "OUT_DONE",
    });
    expect((await editLocks(db, s.personId)).transfer).toBe(TRANSFERRED_OUT);
    // Heard again (notification after the answer): nothing changes.
    const again = await db.$transaction((tx) => applyHubStateOut(tx, ctx, id, "received", DUE));
    expect(again).toMatchObject({ ok: true, changed: false });
  });

  it("lifts the lock when the exchange confirms the withdrawal", async () => {
    const s = await collected();
    const id = await applied(s, APPLIED);
    await reviewDueOut({ db, storage: store.current.storage, now: DUE });
    await withdrawTransferOut(db, ctx, s, id, DUE);
    await db.$transaction((tx) => applyHubStateOut(tx, ctx, id, "withdrawn", DUE));
    expect(await state(id)).toMatchObject({
      state: "withdrawn",
      hubState: "withdrawn",
      person: null,
    });
    expect(messagesTo(s.phone).at(-1)).toBeDefined();
  });
});
