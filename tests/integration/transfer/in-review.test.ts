import { randomUUID } from "node:crypto";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { outboundTransfer } from "@/lib/transfer/out-file";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import { applyHubStateIn } from "@/lib/transfer/in-outcome";
import { importTransferredFile } from "@/lib/transfer/in-receive";
import { reviewDueIn, reviewTransferIn } from "@/lib/transfer/in-review";
import { messagesTo } from "../../support/accounts";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";
import { FakeExchange } from "../../support/fake-exchange";
import { createPerson } from "../../support/person";
import { transferFixtures } from "../../support/transfer";

const store = tempStorageForFile();
const { collected, applied } = transferFixtures(store);
/** Earlier than in-apply's 调入申请 on the shared database: this file's job runs leave them be. */
const DUE = new Date("2026-08-04T16:00:00Z");

/**
 * A 调入申请 here (天河区) for a file that really exists: a person collected on this test
 * database stands in for the origin's archive (its snapshot and files as they would travel).
 */
async function arrival(exchange: FakeExchange) {
  const origin = await collected();
  const out = await applied(origin, new Date("2026-08-03T02:00:00Z"));
  const file = await outboundTransfer(db, store.current.storage, out);
  if (!file.ok) throw new Error(file.message);
  // Only its file was wanted: withdrawn, it is no 调出 for another file's review job to find.
  expect(await withdrawTransferOut(db, ctx, origin, out)).toMatchObject({ ok: true });
  const id = randomUUID();
  exchange.add({ id, name: "王芳" }, "440106199001011234", file.transfer.file);
  const person = await createPerson(db);
  await db.transferIn.create({
    data: {
      id,
      personId: person.id,
      regionCode: "440104",
      originMember: "440300",
      originRegionName: "广东省深圳市南山区",
      state: "pending",
      reviewDueAt: DUE,
      submittedAt: NOW,
    },
  });
  return { id, person };
}

describe("调入申请 review and receipt", () => {
  it("approves when due, reports the receipt, and imports the file as a pre-filled draft", async () => {
    const exchange = new FakeExchange();
    const { id, person } = await arrival(exchange);
    expect((await reviewDueIn({ db, now: DUE })).processed).toBeGreaterThanOrEqual(1);
    expect(await db.transferIn.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "approved",
      reviewReason: "系统自动审核通过",
      reviewedBy: null,
    });
    const events = await db.outboxMessage.findMany({ where: { transferId: id } });
    expect(events.map((m) => [m.kind, m.payload])).toEqual([
      ["transfer.event", { event: "receive" }],
    ]);

    const r = await db.$transaction((tx) => applyHubStateIn(tx, ctx, id, "received", DUE));
    expect(r).toMatchObject({ ok: true, changed: true, state: "received" });
    const imported = await importTransferredFile(db, store.current.storage, exchange, id, DUE);
    expect(imported).toEqual({ ok: true, imported: true });
    // Once only.
    expect(await importTransferredFile(db, store.current.storage, exchange, id, DUE)).toEqual({
      ok: true,
      imported: false,
    });

    const draft = await db.collectionDraft.findUniqueOrThrow({ where: { personId: person.id } });
    const steps = draft.steps as {
      notice?: unknown;
      work: { regionCode: string };
      personal: { headshotId: string; documentPageIds: Record<string, string> };
    };
    expect(draft.completedSteps).toEqual([]);
    // Not revision 0, which the wizard's first save takes for "no draft yet" (it would be stale).
    expect(draft.revision).toBe(1);
    expect(steps.notice).toBeUndefined();
    expect(steps.work).toMatchObject({ regionCode: "440104" });
    const files = await db.attachment.findMany({ where: { personId: person.id } });
    // The archive's files; the 调转附件 were the origin's to review and stay behind.
    expect(files.map((f) => f.kind).sort()).toEqual(["document-page", "document-page", "headshot"]);
    expect(steps.personal.headshotId).toBe(files.find((f) => f.kind === "headshot")!.id);
    expect(Object.values(steps.personal.documentPageIds).sort()).toEqual(
      files
        .filter((f) => f.kind === "document-page")
        .map((f) => f.id)
        .sort(),
    );
    const row = await db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(row.regionCode).toBe("440104");
    expect(messagesTo(person.phone).at(-1)).toContain("跨省调入已完成");
  });

  it("tells the exchange a rejection with its reason, and cancels when the origin withdrew first", async () => {
    const exchange = new FakeExchange();
    const a = await arrival(exchange);
    const r = await reviewTransferIn(
      db,
      ctx,
      {
        type: "staff",
        scope: { staffId: "staff-th", regionCodes: ["440104"], roles: STAFF_ROLES.codes },
      },
      a.id,
      { decision: "reject", reason: "未在本区从事会计工作" },
      NOW,
    );
    expect(r).toEqual({ ok: true, state: "rejected" });
    const [event] = await db.outboxMessage.findMany({ where: { transferId: a.id } });
    expect(event!.payload).toEqual({ event: "reject", reason: "未在本区从事会计工作" });
    expect(messagesTo(a.person.phone).at(-1)).toContain("调入申请审核不通过");

    const b = await arrival(exchange);
    await reviewDueIn({ db, now: DUE });
    const won = await db.$transaction((tx) => applyHubStateIn(tx, ctx, b.id, "withdrawn", DUE));
    expect(won).toMatchObject({ ok: true, changed: true, state: "cancelled" });
    expect(await importTransferredFile(db, store.current.storage, exchange, b.id, DUE)).toEqual({
      ok: true,
      imported: false,
    });
    expect(await db.collectionDraft.count({ where: { personId: b.person.id } })).toBe(0);
  });

  it("gives someone coming back the received file as their archive's next version", async () => {
    const exchange = new FakeExchange();
    const me = await collected();
    const out = await applied(me, new Date("2026-08-03T02:00:00Z"));
    const file = await outboundTransfer(db, store.current.storage, out);
    if (!file.ok) throw new Error(file.message);
    // They left (已调出) and worked elsewhere; the file coming back says where.
    await db.transferOut.update({ where: { id: out }, data: { state: "transferred" } });
    await db.person.update({ where: { id: me.personId }, data: { transferState: "OUT_DONE" } });
    const snapshot = file.transfer.file.snapshot as { work: Record<string, unknown> };
    snapshot.work = { ...snapshot.work, employerName: "深圳市南山区某会计师事务所" };
    const id = randomUUID();
    exchange.add({ id, name: me.name }, "440106199001011234", file.transfer.file);
    await db.transferIn.create({
      data: {
        id,
        personId: me.personId,
        regionCode: "440104",
        originMember: "440300",
        originRegionName: "广东省深圳市南山区",
        state: "received",
        reviewDueAt: DUE,
        submittedAt: NOW,
      },
    });
    const draftBefore = await db.collectionDraft.findUnique({ where: { personId: me.personId } });

    expect(await importTransferredFile(db, store.current.storage, exchange, id, DUE)).toEqual({
      ok: true,
      imported: true,
    });
    const archive = await db.archive.findUniqueOrThrow({
      where: { personId: me.personId },
      include: { versions: { orderBy: { version: "asc" }, include: { attachments: true } } },
    });
    expect(archive).toMatchObject({ currentVersion: 2, regionCode: "440104" });
    const [v1, v2] = archive.versions;
    expect(v2).toMatchObject({ channel: "transfer-in", actorType: "system", regionCode: "440104" });
    const changed = (v2!.changes as { path: string }[]).map((c) => c.path);
    expect(changed).toEqual(expect.arrayContaining([expect.stringMatching(/employerName/)]));
    expect((v2!.snapshot as { work: { regionCode: string } }).work.regionCode).toBe("440104");
    // Every file of the archive travelled and is here anew (the 调转附件 are not archive files).
    expect(v2!.attachments.map((a) => a.role).sort()).toEqual(
      v1!.attachments.map((a) => a.role).sort(),
    );
    expect(
      v2!.attachments.some((a) => v1!.attachments.some((b) => b.attachmentId === a.attachmentId)),
    ).toBe(false);
    // No second collection: the draft is as it was.
    expect(await db.collectionDraft.findUnique({ where: { personId: me.personId } })).toEqual(
      draftBefore,
    );
    expect(await db.person.findUniqueOrThrow({ where: { id: me.personId } })).toMatchObject({
      transferState: null,
      regionCode: "440104",
    });
    expect(messagesTo(me.phone).at(-1)).toContain("档案已按调入的信息更新");
  });
});
