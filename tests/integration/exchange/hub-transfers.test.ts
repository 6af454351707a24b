// The hub's services against the database: submission, events (the first outcome wins, both
// parties told), the audit trail, repeats, party checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { applyTransferEvent } from "@/lib/exchange/hub-events";
import { transferForParty } from "@/lib/exchange/hub-lookup";
import { submitTransfer } from "@/lib/exchange/hub-submit";
import { personIndexOf } from "@/lib/exchange/hub-transfer-row";
import { tempStorage } from "../../support/collection";
import { attachment, BJ, ensureMembers, event, GD, submission, SZ } from "./support";

let store: Awaited<ReturnType<typeof tempStorage>>;
beforeAll(async () => {
  store = await tempStorage();
  await ensureMembers(db);
});
afterAll(() => store.remove());

async function submitted(overrides = {}) {
  const input = submission(overrides);
  const r = await submitTransfer(db, store.storage, GD, input);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return input;
}

const eventsOf = (transferId: string) =>
  db.hubTransferEvent.findMany({ where: { transferId }, orderBy: { id: "asc" } });
const outboxOf = (transferId: string) =>
  db.outboxMessage.findMany({ where: { transferId }, orderBy: { recipient: "asc" } });

describe("submit", () => {
  it("keeps the transfer with the person sealed and the attachments in object storage", async () => {
    const input = submission();
    const r = await submitTransfer(db, store.storage, GD, input);
    expect(r).toMatchObject({
      ok: true,
      data: {
        transfer: {
          id: input.transfer.id,
          originMember: GD,
          originName: "广东省",
          destMember: SZ,
          destRegionCode: "440304",
          name: "张三",
          state: "submitted",
          decidedAt: null,
        },
      },
    });
    const row = await db.hubTransfer.findUniqueOrThrow({ where: { id: input.transfer.id } });
    const idNumber = input.transfer.person.idNumber;
    expect(row.personCipher).not.toContain(idNumber);
    expect(row.personCipher).not.toContain("张三");
    expect(row.personIndex).toBe(personIndexOf(idNumber));
    expect(row.idNumberMasked).toBe(
      `${idNumber.slice(0, 4)}${"*".repeat(12)}${idNumber.slice(-2)}`,
    );
    const stored = row.file as { attachments: { key: string }[] };
    expect(stored.attachments).toHaveLength(1);
    expect(await store.storage.exists(stored.attachments[0]!.key)).toBe(true);
    expect(JSON.stringify(row.file)).not.toContain(input.transfer.file.attachments[0]!.data);
    expect(
      await db.hubPersonFile.findUnique({ where: { personIndex: row.personIndex } }),
    ).toMatchObject({ member: GD, regionCode: "440106" });
  });

  it("is idempotent by transfer id: the same submission again answers the same transfer", async () => {
    const input = submission();
    const first = await submitTransfer(db, store.storage, GD, input);
    const files = (await store.files()).length;
    const again = await submitTransfer(db, store.storage, GD, {
      ...input,
      messageId: crypto.randomUUID(),
    });
    const raced = await Promise.all([
      submitTransfer(db, store.storage, GD, input),
      submitTransfer(db, store.storage, GD, input),
    ]);
    expect(again).toEqual(first);
    expect(raced).toEqual([first, first]);
    expect(await db.hubTransfer.count({ where: { id: input.transfer.id } })).toBe(1);
    expect((await store.files()).length).toBe(files);
    expect((await eventsOf(input.transfer.id)).map((e) => [e.event, e.outcome])).toEqual([
      ["submit", "applied"],
      ["submit", "repeat"],
      ["submit", "repeat"],
      ["submit", "repeat"],
    ]);
  });

  it("refuses a transfer id another member already used", async () => {
    const input = await submitted();
    const r = await submitTransfer(db, store.storage, BJ, {
      ...input,
      transfer: { ...input.transfer, originRegionCode: "110101", destRegionCode: "440304" },
    });
    expect(r).toMatchObject({ ok: false, reason: "transfer_exists" });
  });

  it("refuses destinations that are not a concrete county of another registered member", async () => {
    const own = await submitTransfer(
      db,
      store.storage,
      GD,
      submission({ destMember: GD, destRegionCode: "440106" }),
    );
    expect(own).toMatchObject({ ok: false, reason: "invalid_destination" });
    const city = await submitTransfer(
      db,
      store.storage,
      GD,
      submission({ destRegionCode: "440300" }),
    );
    expect(city).toMatchObject({ ok: false, reason: "invalid_destination" });
    const unregistered = await submitTransfer(
      db,
      store.storage,
      GD,
      submission({ destMember: "310000", destRegionCode: "310101" }),
    );
    expect(unregistered).toMatchObject({ ok: false, reason: "invalid_destination" });
    const foreignOrigin = await submitTransfer(
      db,
      store.storage,
      GD,
      submission({ originRegionCode: "440304" }),
    );
    expect(foreignOrigin).toMatchObject({ ok: false, reason: "invalid_region" });
  });

  it("refuses an attachment whose bytes do not match its digest or are no JPEG", async () => {
    const files = (await store.files()).length;
    const forged = { ...attachment(), sha256: "0".repeat(64) };
    const png = attachment(Buffer.from("\x89PNG\r\n\x1a\n0000", "binary"));
    for (const a of [forged, png]) {
      const input = submission();
      input.transfer.file.attachments = [attachment(), a];
      const r = await submitTransfer(db, store.storage, GD, input);
      expect(r).toMatchObject({ ok: false, reason: "bad_attachment" });
      expect(await db.hubTransfer.count({ where: { id: input.transfer.id } })).toBe(0);
    }
    expect((await store.files()).length).toBe(files);
  });
});

describe("events", () => {
  it("withdraw: applied once, recorded, both parties notified with the outcome", async () => {
    const { transfer } = await submitted();
    const r = await applyTransferEvent(db, GD, transfer.id, event("withdraw"));
    expect(r).toEqual({ ok: true, data: { outcome: "applied", state: "withdrawn" } });
    const outbox = await outboxOf(transfer.id);
    expect(outbox.map((m) => [m.recipient, m.kind, m.payload])).toEqual([
      [
        GD,
        "transfer.outcome",
        expect.objectContaining({ transferId: transfer.id, role: "origin", state: "withdrawn" }),
      ],
      [
        SZ,
        "transfer.outcome",
        expect.objectContaining({ role: "destination", state: "withdrawn" }),
      ],
    ]);
    const again = await applyTransferEvent(db, GD, transfer.id, event("withdraw"));
    expect(again).toEqual({ ok: true, data: { outcome: "repeat", state: "withdrawn" } });
    expect(await outboxOf(transfer.id)).toHaveLength(2);
    const view = await transferForParty(db, SZ, transfer.id);
    expect(view).toMatchObject({ ok: true, data: { transfer: { state: "withdrawn" } } });
    if (view.ok) expect(view.data.transfer.decidedAt).not.toBeNull();
  });

  it("receive moves the person's file to the destination; a later withdrawal is refused", async () => {
    const { transfer } = await submitted();
    expect(await applyTransferEvent(db, SZ, transfer.id, event("receive"))).toEqual({
      ok: true,
      data: { outcome: "applied", state: "received" },
    });
    const index = personIndexOf(transfer.person.idNumber);
    expect(await db.hubPersonFile.findUnique({ where: { personIndex: index } })).toMatchObject({
      member: SZ,
      regionCode: "440304",
    });
    expect(await applyTransferEvent(db, GD, transfer.id, event("withdraw"))).toEqual({
      ok: true,
      data: {
        outcome: "refused",
        state: "received",
        reason: "already_received",
        message: "调入地已接收该调转，不能再撤回",
      },
    });
  });

  it("reject keeps the reason in the trail and the file where it was", async () => {
    const { transfer } = await submitted();
    const r = await applyTransferEvent(db, SZ, transfer.id, event("reject", "材料不全"));
    expect(r).toEqual({ ok: true, data: { outcome: "applied", state: "rejected" } });
    expect((await eventsOf(transfer.id)).at(-1)).toMatchObject({
      event: "reject",
      sender: SZ,
      outcome: "applied",
      state: "rejected",
      reason: "材料不全",
    });
    const index = personIndexOf(transfer.person.idNumber);
    expect(await db.hubPersonFile.findUnique({ where: { personIndex: index } })).toMatchObject({
      member: GD,
    });
  });

  it("answers a repeated message exactly as the first time and applies it once", async () => {
    const { transfer } = await submitted();
    const receive = event("receive");
    const withdraw = event("withdraw");
    const first = await applyTransferEvent(db, SZ, transfer.id, receive);
    const refused = await applyTransferEvent(db, GD, transfer.id, withdraw);
    const redelivered = await Promise.all([
      applyTransferEvent(db, SZ, transfer.id, receive),
      applyTransferEvent(db, SZ, transfer.id, receive),
      applyTransferEvent(db, GD, transfer.id, withdraw),
    ]);
    expect(redelivered).toEqual([first, first, refused]);
    expect(first).toMatchObject({ data: { outcome: "applied" } });
    expect(refused).toMatchObject({ data: { outcome: "refused", reason: "already_received" } });
    const trail = await eventsOf(transfer.id);
    expect(trail.filter((e) => e.outcome === "applied" && e.event === "receive")).toHaveLength(1);
    expect(trail.filter((e) => e.messageId === receive.messageId)).toHaveLength(3);
    expect(await outboxOf(transfer.id)).toHaveLength(2);
    // The same id used for another event is not a repeat.
    expect(
      await applyTransferEvent(db, SZ, transfer.id, { ...withdraw, event: "reject" }),
    ).toMatchObject({ ok: false, reason: "message_conflict" });
  });

  it("refuses a member that is not a party (403) and an unknown transfer (404)", async () => {
    const { transfer } = await submitted();
    expect(await applyTransferEvent(db, BJ, transfer.id, event("receive"))).toMatchObject({
      ok: false,
      reason: "not_party",
    });
    expect(await transferForParty(db, BJ, transfer.id)).toMatchObject({
      ok: false,
      reason: "not_party",
    });
    expect(await applyTransferEvent(db, SZ, crypto.randomUUID(), event("receive"))).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(await applyTransferEvent(db, SZ, "not-a-uuid", event("receive"))).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(await eventsOf(transfer.id)).toHaveLength(1);
  });

  it("lets each party send only its own events, and records the attempt", async () => {
    const { transfer } = await submitted();
    const byOrigin = event("receive");
    const r = await applyTransferEvent(db, GD, transfer.id, byOrigin);
    expect(r).toMatchObject({
      ok: false,
      reason: "wrong_sender",
      message: "该操作只能由调入地发起",
    });
    expect(await applyTransferEvent(db, GD, transfer.id, byOrigin)).toEqual(r);
    expect(await applyTransferEvent(db, SZ, transfer.id, event("withdraw"))).toMatchObject({
      ok: false,
      reason: "wrong_sender",
    });
    expect((await eventsOf(transfer.id)).map((e) => [e.event, e.outcome, e.reason])).toEqual([
      ["submit", "applied", null],
      ["receive", "refused", "wrong_sender"],
      ["receive", "repeat", "duplicate_message"],
      ["withdraw", "refused", "wrong_sender"],
    ]);
    expect(await db.hubTransfer.findUnique({ where: { id: transfer.id } })).toMatchObject({
      state: "submitted",
    });
  });

  it("withdraw racing receive: exactly one wins, both recorded, both parties told the winner", async () => {
    const winners: Record<string, number> = {};
    for (let i = 0; i < 25; i++) {
      const { transfer } = await submitted();
      const [withdrawn, received] = await Promise.all([
        applyTransferEvent(db, GD, transfer.id, event("withdraw")),
        applyTransferEvent(db, SZ, transfer.id, event("receive")),
      ]);
      if (!withdrawn.ok || !received.ok) throw new Error("party refused");
      const outcomes = [withdrawn.data.outcome, received.data.outcome].sort();
      expect(outcomes).toEqual(["applied", "refused"]);
      const winner = withdrawn.data.outcome === "applied" ? "withdrawn" : "received";
      winners[winner] = (winners[winner] ?? 0) + 1;
      expect(withdrawn.data.state).toBe(winner);
      expect(received.data.state).toBe(winner);
      const loser = withdrawn.data.outcome === "refused" ? withdrawn.data : received.data;
      expect(loser.reason).toBe(winner === "received" ? "already_received" : "already_withdrawn");

      const trail = await eventsOf(transfer.id);
      expect(trail.map((e) => e.outcome).sort()).toEqual(["applied", "applied", "refused"]);
      const outbox = await outboxOf(transfer.id);
      expect(outbox.map((m) => m.recipient)).toEqual([GD, SZ]);
      for (const m of outbox) expect(m.payload).toMatchObject({ state: winner });
      const row = await db.hubTransfer.findUniqueOrThrow({ where: { id: transfer.id } });
      expect(row.state).toBe(winner);
    }
    expect(Object.values(winners).reduce((a, b) => a + b, 0)).toBe(25);
  });
});
