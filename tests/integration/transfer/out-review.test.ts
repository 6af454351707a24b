import { describe, expect, it } from "vitest";
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { decryptField } from "@/lib/crypto/field-cipher";
import { type Db, db } from "@/lib/db/client";
import type { ExchangeResult } from "@/lib/exchange/client";
import { submitTransferSchema, type TransferView } from "@/lib/exchange/messages";
import { deliverDue, type OutboxSend } from "@/lib/exchange/outbox";
import { editLocks, TRANSFER_LOCKED, TRANSFERRED_OUT } from "@/lib/person/locks";
import { FILE_UNREADABLE } from "@/lib/transfer/out-file";
import { hubExchange } from "@/lib/transfer/hub-exchange";
import { platformAnswerHandlers, platformRefusalHandlers } from "@/lib/transfer/hub-outcomes-apply";
import { platformComposers } from "@/lib/transfer/outbox-bodies";
import { applyHubStateOut } from "@/lib/transfer/out-outcome";
import { ALREADY_REVIEWED, reviewDueOut, reviewTransferOut } from "@/lib/transfer/out-review";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import { APPLICATION_NOT_FOUND } from "@/lib/transfer/results";
import { messagesTo } from "../../support/accounts";
import { failingCommits } from "../../support/failing-commits";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";
import { transferFixtures } from "../../support/transfer";

const store = tempStorageForFile();
const { collected, applied } = transferFixtures(store);

const GUANGZHOU: StaffActor = {
  staffId: "staff-gz",
  regionCodes: ["4401"],
  roles: STAFF_ROLES.codes,
};
const FOSHAN: StaffActor = { staffId: "staff-fs", regionCodes: ["4406"], roles: STAFF_ROLES.codes };
/**
 * Applied on Monday 2026-08-03, due at the end of Tuesday (24:00 Beijing). Earlier than the other
 * files' applications on the shared database, so this file's job runs never review theirs.
 */
const APPLIED = new Date("2026-08-03T02:00:00Z");
const DUE = new Date("2026-08-04T16:00:00Z");

const outbox = (transferId: string) =>
  db.outboxMessage.findMany({ where: { transferId }, orderBy: { createdAt: "asc" } });

let past = Date.parse("1990-01-01T00:00:00Z");

/**
 * Delivers one message with the platform's hooks (as lib/transfer/jobs.ts does), alone: it is
 * made due at an instant of 1990 nothing else in the shared outbox is due at.
 */
async function deliverOnly(messageId: string, send: OutboxSend, through: Db = db) {
  const at = new Date((past += 24 * 3600_000));
  await db.outboxMessage.update({ where: { id: messageId }, data: { nextAttemptAt: at } });
  const storage = store.current.storage;
  return deliverDue(through, at, send, {
    limit: 1,
    onAnswer: platformAnswerHandlers({ db, storage, exchange: hubExchange() }),
    onRefusal: platformRefusalHandlers(),
    compose: platformComposers(storage),
  });
}

/** The hub's answer to a submission, in the state given. */
function hubAnswer(id: string, hubState: TransferView["state"]): ExchangeResult<unknown> {
  const view: TransferView = {
    id,
    originMember: "440000",
    originName: "广东省",
    originRegionCode: "440106",
    originRegionName: "广东省广州市天河区",
    destMember: "440300",
    destRegionCode: "440305",
    name: "张三",
    idNumberMasked: "4401************34",
    state: hubState,
    submittedAt: DUE.toISOString(),
    decidedAt: null,
  };
  return { ok: true, status: 200, data: { transfer: view } };
}

async function approved(s: Awaited<ReturnType<typeof collected>>) {
  const id = await applied(s, APPLIED);
  await reviewTransferOut(db, store.current.storage, ctx, { type: "auto" }, id, null, DUE);
  const [message] = await outbox(id);
  return { id, messageId: message!.id };
}

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
    // The row keeps a reference only: no 证件号码, no attachment (scanned as stored).
    expect(message!.payload).toEqual({});
    const person = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    const idNumber = decryptField(person.idNumberCipher);
    expect(JSON.stringify(message)).not.toContain(idNumber);

    // The body is composed when sent: the contract's, with the whole file.
    let sent: unknown;
    await deliverOnly(message!.id, async (m) => {
      sent = m.body;
      return hubAnswer(id, "submitted");
    });
    const { transfer, messageId } = submitTransferSchema.parse(sent);
    expect(messageId).toBe(message!.id);
    expect(transfer).toMatchObject({
      id,
      destMember: "440300",
      destRegionCode: "440305",
      originRegionCode: "440106",
      originRegionName: "广东省广州市天河区",
      approvedAt: DUE.toISOString(),
      person: { name: s.name, idType: "RESIDENT_ID", idNumber },
    });
    const roles = transfer.file.attachments.map((a) => a.role).sort();
    expect(roles).toEqual([
      "personal.documentPageIds.EMBLEM",
      "personal.documentPageIds.PORTRAIT",
      "personal.headshotId",
      "transfer.proof.0",
    ]);
    const stored = JSON.stringify(
      await db.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } }),
    );
    expect(stored).not.toContain(idNumber);
    for (const a of transfer.file.attachments) expect(stored).not.toContain(a.data.slice(0, 200));
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
    const review = (scope: StaffActor, decision: "approve" | "reject") =>
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
    // another region's application reads exactly like none at all
    expect(await review(FOSHAN, "reject")).toMatchObject({
      ok: false,
      message: APPLICATION_NOT_FOUND,
    });
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

describe("the exchange refusing a message for good", () => {
  it("ends a refused submission as 全国平台未接收 with the hub's reason, lifts the lock, tells the person", async () => {
    const s = await collected();
    const { id, messageId } = await approved(s);
    const report = await deliverOnly(messageId, async () => ({
      ok: false,
      kind: "http",
      status: 400,
      code: "invalid_destination",
      message: "调入地尚未接入全国平台",
    }));
    expect(report).toMatchObject({ refused: 1 });
    const app = await db.transferOut.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({
      state: "refused",
      hubState: null,
      refusalReason: "全国平台未接收：调入地尚未接入全国平台",
    });
    expect(app.closedAt).not.toBeNull();
    expect((await state(id)).person).toBeNull();
    expect((await editLocks(db, s.personId)).transfer).toBeNull();
    expect(messagesTo(s.phone).at(-1)).toContain("调出申请未被全国平台接收");
    const audit = await db.auditEvent.findMany({
      where: { targetId: id, action: "transfer.out-refused" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system" });
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.failedAt).not.toBeNull();
    expect(message.lastError).toBe("refused: http 400 invalid_destination");
    // Never sent again, and the person may apply again.
    const again: string[] = [];
    await deliverOnly(messageId, async (m) => (again.push(m.id), hubAnswer(id, "submitted")));
    expect(again).toEqual([]);
    await applied(s, APPLIED);
  });

  it("ends it too when its file can no longer be composed, saying it never left", async () => {
    const s = await collected();
    const { id, messageId } = await approved(s);
    const link = await db.transferOutAttachment.findFirstOrThrow({
      where: { transferId: id },
      include: { attachment: true },
    });
    await store.current.storage.delete(link.attachment.storageKey);
    const sent: string[] = [];
    await deliverOnly(messageId, async (m) => (sent.push(m.id), hubAnswer(id, "submitted")));
    expect(sent).toEqual([]);
    expect(await db.transferOut.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "refused",
      refusalReason: `未能报送全国平台：${FILE_UNREADABLE}`,
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      lastError: "not composed: file_unavailable",
    });
  });

  it("takes a refused 撤回 back to 审核通过, still locked", async () => {
    const s = await collected();
    const { id, messageId } = await approved(s);
    await deliverOnly(messageId, async () => hubAnswer(id, "submitted"));
    await withdrawTransferOut(db, ctx, s, id, DUE);
    const withdraw = (await outbox(id)).find((m) => m.kind === "transfer.event")!;
    await deliverOnly(withdraw.id, async () => ({
      ok: false,
      kind: "http",
      status: 409,
      code: "message_conflict",
      message: "该消息编号已用于其他消息",
    }));
    expect(await state(id)).toMatchObject({ state: "approved", person: "OUT_APPROVED" });
    expect(messagesTo(s.phone).at(-1)).toContain("撤回申请未被全国平台接受");
    expect(await withdrawTransferOut(db, ctx, s, id, DUE)).toMatchObject({ state: "withdrawing" });
  });
});

describe("the SMS of a hub answer", () => {
  it("is sent only once the answer's transaction committed, and once", async () => {
    const s = await collected();
    const { id, messageId } = await approved(s);
    const done = () => messagesTo(s.phone).filter((m) => m.includes("跨省调转已完成"));
    const received = async () => hubAnswer(id, "received");
    // The answer was applied, then the commit failed: no state, no SMS.
    expect(await deliverOnly(messageId, received, failingCommits())).toMatchObject({ failed: 1 });
    expect((await state(id)).state).toBe("approved");
    expect(done()).toEqual([]);
    await deliverOnly(messageId, received);
    expect((await state(id)).state).toBe("transferred");
    expect(done()).toHaveLength(1);
  });
});
