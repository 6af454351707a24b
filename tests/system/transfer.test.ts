// 跨省调转 through the national exchange with the hub, 广东 and 深圳 as real processes on loopback
// (issue 10, "Done means"): every message crosses HTTP, signed, between processes that each know
// only their own database and configuration. Time moves forward the way operators move it:
// `npm run jobs -- --at` (the cluster's pump runs the same job registry in each process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSFER_LOCKED, TRANSFERRED_OUT } from "@/lib/person/locks";
import { EXCHANGE_UNAVAILABLE } from "@/lib/transfer/hub-exchange";
import { IN_ALREADY_REVIEWED } from "@/lib/transfer/in-review";
import { NO_TRANSFER } from "@/lib/transfer/in-verify";
import { type Cluster, type Instance, GD, startCluster, SZ } from "./cluster";
import type { CollectedPerson } from "./node";

let c: Cluster;

beforeAll(async () => {
  c = await startCluster();
});

afterAll(async () => {
  await c?.close();
});

/** Finance staff of 广州市 (the person's 天河区) and of 深圳市. */
const GUANGZHOU = ["4401"];
const SHENZHEN = ["4403"];
const NANSHAN = "440305";
const PASSWORD = "Acc0unt!ng";
const HOUR = 3_600_000;

interface OutRow {
  id: string;
  state: string;
  hubState: string | null;
  reviewDueAt: Date;
  closedAt: Date | null;
  person: { transferState: string | null };
}

interface InRow {
  id: string;
  personId: string;
  state: string;
  regionCode: string;
  reviewDueAt: Date;
  fileImportedAt: Date | null;
  closedAt: Date | null;
}

interface HubEventRow {
  event: string;
  sender: string;
  outcome: string;
  state: string;
  reason: string | null;
  messageId: string | null;
}

interface OutboxRow {
  id: string;
  kind: string;
  recipient: string;
  attempts: number;
  deliveredAt: Date | null;
  lastError: string | null;
}

const out = async (id: string) =>
  (await c.gd.call("read", "transferOut", "findUnique", {
    where: { id },
    include: { person: { select: { transferState: true } } },
  })) as OutRow;

const into = async (id: string) =>
  (await c.sz.call("read", "transferIn", "findUnique", { where: { id } })) as InRow | null;

/** The hub's transfer and its trail, oldest event first. */
async function atHub(id: string) {
  const row = (await c.hub.call("read", "hubTransfer", "findUnique", {
    where: { id },
    select: {
      state: true,
      originMember: true,
      destMember: true,
      destRegionCode: true,
      events: {
        orderBy: { id: "asc" },
        select: {
          event: true,
          sender: true,
          outcome: true,
          state: true,
          reason: true,
          messageId: true,
        },
      },
    },
  })) as { state: string; events: HubEventRow[] } | null;
  return row;
}

const trail = (events: HubEventRow[]) =>
  events.map((e) => `${e.event}:${e.sender}:${e.outcome}:${e.state}`);

const outbox = async (node: Instance, transferId: string) =>
  (await node.call("read", "outboxMessage", "findMany", {
    where: { transferId },
    orderBy: { id: "asc" },
  })) as OutboxRow[];

/** The texts of the transfer's notices (verification codes left out). */
async function notices(node: Instance, phone: string): Promise<string[]> {
  return (await node.call("sms", phone)).filter((t) => !t.includes("验证码"));
}

/** A collected 广东 person's 调出申请 to 深圳市南山区, saved. */
async function applied(): Promise<{ p: CollectedPerson; id: string }> {
  const p = await c.gd.call("collectedPerson");
  const r = await c.gd.call("applyOut", p.session, SZ, NANSHAN);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { p, id: r.id };
}

/** …approved by 广州 staff and handed to the hub (全国平台处理状态 待调入地接收). */
async function submitted(): Promise<{ p: CollectedPerson; id: string }> {
  const a = await applied();
  expect(await c.gd.call("reviewOut", a.id, GUANGZHOU, "approve", "材料齐全")).toEqual({
    ok: true,
    state: "approved",
  });
  await c.pump();
  expect((await atHub(a.id))?.state).toBe("submitted");
  return a;
}

/** 省外调入 at 深圳 (steps 1 and 2) for the person, to 南山区. */
async function arrive(p: CollectedPerson) {
  return c.sz.call("transferIn", {
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    regionCode: NANSHAN,
    password: PASSWORD,
  });
}

async function arrived(p: CollectedPerson, id: string): Promise<InRow> {
  const r = await arrive(p);
  expect(r.result).toMatchObject({ ok: true, id });
  return (await into(id))!;
}

/** What 深圳 holds of the person who moved in: files and the pre-filled draft. */
/** The files of a transferred archive: the headshot and the ID card's two pages. */
const ARCHIVE_FILES = 3;

async function filesAtShenzhen(personId: string) {
  const attachments = (await c.sz.call("read", "attachment", "count", {
    where: { personId },
  })) as number;
  const draft = (await c.sz.call("read", "collectionDraft", "findUnique", {
    where: { personId },
  })) as { steps: Record<string, Record<string, unknown>>; revision: number } | null;
  return { attachments, draft };
}

describe("跨省调转 through the hub, three processes", () => {
  it("广东 → 深圳 end to end: automatic reviews when due, the file imported once, every notice sent", async () => {
    const { p, id } = await applied();
    expect(await out(id)).toMatchObject({
      state: "pending",
      person: { transferState: "OUT_PENDING" },
    });
    expect((await c.gd.call("locks", p.session.personId)).transfer).toBe(TRANSFER_LOCKED);
    const dueOut = (await out(id)).reviewDueAt;

    // Before its review is due nothing leaves 广东.
    await c.pump({ at: new Date(dueOut.getTime() - 1) });
    expect((await out(id)).state).toBe("pending");
    expect(await atHub(id)).toBeNull();

    await c.pump({ at: dueOut });
    expect(await out(id)).toMatchObject({
      state: "approved",
      hubState: "submitted",
      person: { transferState: "OUT_APPROVED" },
    });
    const submittedAtHub = await atHub(id);
    expect(submittedAtHub).toMatchObject({
      state: "submitted",
      originMember: GD,
      destMember: SZ,
      destRegionCode: NANSHAN,
    });
    expect(trail(submittedAtHub!.events)).toEqual([`submit:${GD}:applied:submitted`]);
    const registeredAtSz = (await c.hub.call("read", "hubPersonFile", "count", {
      where: { member: SZ },
    })) as number;

    const arrival = await arrive(p);
    expect(arrival).toMatchObject({
      step: "confirm",
      preview: {
        needsPassword: true,
        name: p.name,
        from: "广东省广州市天河区（广东省）",
        destination: "广东省深圳市南山区",
      },
      result: { ok: true, id, accountCreated: true },
    });
    const pending = (await into(id))!;
    expect(pending).toMatchObject({ state: "pending", regionCode: NANSHAN, fileImportedAt: null });
    expect(await filesAtShenzhen(pending.personId)).toEqual({ attachments: 0, draft: null });

    await c.pump({ at: pending.reviewDueAt });
    expect(await into(id)).toMatchObject({ state: "received", fileImportedAt: expect.any(Date) });
    expect(await out(id)).toMatchObject({
      state: "transferred",
      hubState: "received",
      person: { transferState: "OUT_DONE" },
    });
    expect((await c.gd.call("locks", p.session.personId)).transfer).toBe(TRANSFERRED_OUT);
    const final = await atHub(id);
    expect(final?.state).toBe("received");
    expect(trail(final!.events)).toEqual([
      `submit:${GD}:applied:submitted`,
      `receive:${SZ}:applied:received`,
    ]);
    // The registry now places the person's active file at 深圳.
    expect(await c.hub.call("read", "hubPersonFile", "count", { where: { member: SZ } })).toBe(
      registeredAtSz + 1,
    );

    // The file arrived once: the headshot and both document pages (the 调转附件 were 广东's to
    // review and stay there), and a draft of the collection pre-filled from the archive with the
    // county moved to.
    const { attachments, draft } = await filesAtShenzhen(pending.personId);
    expect(attachments).toBe(ARCHIVE_FILES);
    expect(draft?.steps.work).toMatchObject({
      regionCode: NANSHAN,
      employerName: "华为技术有限公司",
    });
    expect(draft?.steps.personal?.headshotId).toEqual(expect.any(String));
    expect(
      await c.sz.call("read", "person", "findUnique", {
        where: { id: pending.personId },
        select: { regionCode: true, transferState: true },
      }),
    ).toEqual({ regionCode: NANSHAN, transferState: null });

    // Every outbox message on all three delivered, each on its first attempt.
    for (const node of [c.gd, c.sz, c.hub]) {
      for (const m of await outbox(node, id)) {
        expect(m, `${node.key} ${m.kind}`).toMatchObject({
          deliveredAt: expect.any(Date),
          attempts: 1,
        });
      }
    }
    expect(await notices(c.gd, p.phone)).toEqual([
      expect.stringContaining("调出申请审核通过"),
      expect.stringContaining("跨省调转已完成"),
    ]);
    expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("跨省调入已完成")]);
  });

  it("rejected by 广东 staff, re-applied, refused by 深圳, applied again and transferred", async () => {
    const { p, id: first } = await applied();
    expect(await c.gd.call("reviewOut", first, GUANGZHOU, "reject", "调转附件不清晰")).toEqual({
      ok: true,
      state: "rejected",
    });
    expect(await out(first)).toMatchObject({ state: "rejected", person: { transferState: null } });
    expect((await c.gd.call("locks", p.session.personId)).transfer).toBeNull();
    await c.pump();
    expect(await atHub(first)).toBeNull();
    expect(await notices(c.gd, p.phone)).toEqual([expect.stringContaining("调出申请审核不通过")]);

    // Applied again: approved this time, then 深圳's staff do not receive it.
    const again = await c.gd.call("applyOut", p.session, SZ, NANSHAN);
    if (!again.ok) throw new Error(JSON.stringify(again));
    await c.gd.call("reviewOut", again.id, GUANGZHOU, "approve", "材料齐全");
    await c.pump();
    const arrivedIn = await arrived(p, again.id);
    expect(await c.sz.call("reviewIn", again.id, SHENZHEN, "reject", "非本单位人员")).toEqual({
      ok: true,
      state: "rejected",
    });
    await c.pump();
    const refused = await atHub(again.id);
    expect(refused?.state).toBe("rejected");
    expect(refused?.events.at(-1)).toMatchObject({
      event: "reject",
      sender: SZ,
      outcome: "applied",
      reason: "非本单位人员",
    });
    expect(await out(again.id)).toMatchObject({
      state: "returned",
      hubState: "rejected",
      person: { transferState: null },
    });
    expect(await into(again.id)).toMatchObject({ state: "rejected", fileImportedAt: null });
    expect(await filesAtShenzhen(arrivedIn.personId)).toEqual({ attachments: 0, draft: null });
    expect((await notices(c.gd, p.phone)).at(-1)).toContain("调出申请未被调入地接收");
    expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("调入申请审核不通过")]);

    // The file stayed in 广东: the person applies a third time and this one goes through.
    const third = await c.gd.call("applyOut", p.session, SZ, NANSHAN);
    if (!third.ok) throw new Error(JSON.stringify(third));
    await c.gd.call("reviewOut", third.id, GUANGZHOU, "approve", "材料齐全");
    await c.pump();
    const r = await arrive(p);
    // The account at 深圳 exists since the refused 调入: no password this time.
    expect(r).toMatchObject({
      preview: { needsPassword: false },
      result: { ok: true, id: third.id, accountCreated: false },
    });
    await c.sz.call("reviewIn", third.id, SHENZHEN, "approve", "同意接收");
    await c.pump();
    expect(await out(third.id)).toMatchObject({
      state: "transferred",
      person: { transferState: "OUT_DONE" },
    });
    expect(await into(third.id)).toMatchObject({ state: "received", personId: arrivedIn.personId });
    expect((await filesAtShenzhen(arrivedIn.personId)).attachments).toBe(ARCHIVE_FILES);
  });

  it("withdrawn before 深圳 receives it: the lock lifts, 深圳's application is cancelled", async () => {
    const { p, id } = await submitted();
    const pending = await arrived(p, id);
    expect(pending.state).toBe("pending");

    expect(await c.gd.call("withdrawOut", p.session, id)).toEqual({
      ok: true,
      state: "withdrawing",
    });
    // 撤回中: still locked until the hub confirms the withdrawal.
    expect(await out(id)).toMatchObject({
      state: "withdrawing",
      person: { transferState: "OUT_APPROVED" },
    });
    await c.pump();

    const hub = await atHub(id);
    expect(hub?.state).toBe("withdrawn");
    expect(trail(hub!.events)).toEqual([
      `submit:${GD}:applied:submitted`,
      `withdraw:${GD}:applied:withdrawn`,
    ]);
    expect(await out(id)).toMatchObject({
      state: "withdrawn",
      hubState: "withdrawn",
      person: { transferState: null },
    });
    expect((await c.gd.call("locks", p.session.personId)).transfer).toBeNull();
    expect(await into(id)).toMatchObject({ state: "cancelled", fileImportedAt: null });
    expect(await c.sz.call("reviewIn", id, SHENZHEN, "approve", "同意接收")).toMatchObject({
      ok: false,
      message: IN_ALREADY_REVIEWED,
    });
    expect(await filesAtShenzhen(pending.personId)).toEqual({ attachments: 0, draft: null });
    expect((await notices(c.gd, p.phone)).at(-1)).toContain("调出申请已撤回");
    expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("调入申请已取消")]);
    // Nothing is waiting at the exchange any more.
    expect((await arrive(p)).result).toMatchObject({ ok: false, message: NO_TRANSFER });
  });

  /** Transfers whose withdrawal (广东) and receipt (深圳) both wait in the outboxes. */
  async function racing(count: number) {
    const racers = [];
    for (let i = 0; i < count; i++) {
      const { p, id } = await submitted();
      const pending = await arrived(p, id);
      await c.sz.call("reviewIn", id, SHENZHEN, "approve", "同意接收");
      expect(await c.gd.call("withdrawOut", p.session, id)).toEqual({
        ok: true,
        state: "withdrawing",
      });
      racers.push({ p, id, personAtSz: pending.personId });
    }
    return racers;
  }

  const deliver = (node: Instance) => node.call("runJobs", new Date(), ["exchange-outbox"]);

  /** The same outcome on 广东, 深圳 and the hub, and its trail; the winning event. */
  async function oneWinner(racer: { p: CollectedPerson; id: string; personAtSz: string }) {
    const { p, id, personAtSz } = racer;
    const hub = (await atHub(id))!;
    const decided = hub.events.filter((e) => e.event !== "submit");
    expect(decided.map((e) => e.outcome).sort()).toEqual(["applied", "refused"]);
    const winner = decided.find((e) => e.outcome === "applied")!;
    const loser = decided.find((e) => e.outcome === "refused")!;
    expect(loser.reason).toBe(
      winner.event === "receive" ? "already_received" : "already_withdrawn",
    );
    if (winner.event === "receive") {
      expect(hub.state).toBe("received");
      expect(await out(id)).toMatchObject({
        state: "transferred",
        person: { transferState: "OUT_DONE" },
      });
      expect(await into(id)).toMatchObject({ state: "received", fileImportedAt: expect.any(Date) });
      expect((await filesAtShenzhen(personAtSz)).attachments).toBe(ARCHIVE_FILES);
      expect((await notices(c.gd, p.phone)).at(-1)).toContain("跨省调转已完成");
      expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("跨省调入已完成")]);
    } else {
      expect(hub.state).toBe("withdrawn");
      expect(await out(id)).toMatchObject({ state: "withdrawn", person: { transferState: null } });
      expect(await into(id)).toMatchObject({ state: "cancelled", fileImportedAt: null });
      expect(await filesAtShenzhen(personAtSz)).toEqual({ attachments: 0, draft: null });
      expect((await notices(c.gd, p.phone)).at(-1)).toContain("调出申请已撤回");
      expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("调入申请已取消")]);
    }
    return winner.event;
  }

  it("a withdrawal racing the receipt has one winner on 广东, 深圳 and the hub", async () => {
    // The receipt reaches the hub first: 撤回中 becomes 已调出.
    const [receiptFirst] = await racing(1);
    await deliver(c.sz);
    await deliver(c.gd);
    await c.pump();
    expect(await oneWinner(receiptFirst!)).toBe("receive");

    // The withdrawal reaches the hub first: 深圳's 审核通过 becomes 调出地已撤回.
    const [withdrawalFirst] = await racing(1);
    await deliver(c.gd);
    await deliver(c.sz);
    await c.pump();
    expect(await oneWinner(withdrawalFirst!)).toBe("withdraw");

    // Both platforms deliver at the same moment: whichever wins, all three agree.
    const racers = await racing(3);
    await Promise.all([deliver(c.gd), deliver(c.sz)]);
    await c.pump();
    for (const racer of racers) await oneWinner(racer);
  });

  it("the hub down during a transfer: every message delivered exactly once after it returns", async () => {
    const { p, id } = await applied();
    await c.hub.stop();
    await c.gd.call("reviewOut", id, GUANGZHOU, "approve", "材料齐全");
    await c.pump();
    const [waiting] = await outbox(c.gd, id);
    expect(waiting).toMatchObject({
      kind: "transfer.submit",
      deliveredAt: null,
      attempts: 1,
      lastError: expect.stringContaining("network"),
    });
    expect((await arrive(p)).result).toMatchObject({ ok: false, message: EXCHANGE_UNAVAILABLE });

    await c.hub.start();
    // The retry is not due yet (backoff from 30 s): nothing is sent.
    await c.pump();
    expect((await outbox(c.gd, id))[0]!.deliveredAt).toBeNull();
    await c.pump({ at: new Date(Date.now() + 2 * HOUR) });
    expect((await outbox(c.gd, id))[0]).toMatchObject({
      deliveredAt: expect.any(Date),
      attempts: 2,
    });
    expect(trail((await atHub(id))!.events)).toEqual([`submit:${GD}:applied:submitted`]);

    // 深圳 receives; the hub records it and goes down before telling the parties.
    const pending = await arrived(p, id);
    await c.sz.call("reviewIn", id, SHENZHEN, "approve", "同意接收");
    await c.sz.call("runJobs", new Date(), ["exchange-outbox"]);
    await c.sz.call("settle");
    expect((await atHub(id))?.state).toBe("received");
    await c.hub.stop();
    expect(await out(id)).toMatchObject({ state: "approved", hubState: "submitted" });

    await c.hub.start();
    await c.pump();
    expect(await out(id)).toMatchObject({
      state: "transferred",
      person: { transferState: "OUT_DONE" },
    });
    expect(await into(id)).toMatchObject({ state: "received", fileImportedAt: expect.any(Date) });
    const notifications = await outbox(c.hub, id);
    // Both written in the same millisecond: their ids (UUIDv7) do not order them.
    expect(notifications.map((m) => [m.recipient, m.kind, m.attempts]).sort()).toEqual([
      [GD, "transfer.outcome", 1],
      [SZ, "transfer.outcome", 1],
    ]);
    expect(notifications.every((m) => m.deliveredAt)).toBe(true);
    expect(trail((await atHub(id))!.events)).toEqual([
      `submit:${GD}:applied:submitted`,
      `receive:${SZ}:applied:received`,
    ]);
    expect((await filesAtShenzhen(pending.personId)).attachments).toBe(ARCHIVE_FILES);
    expect(await notices(c.gd, p.phone)).toEqual([
      expect.stringContaining("调出申请审核通过"),
      expect.stringContaining("跨省调转已完成"),
    ]);
    expect(await notices(c.sz, p.phone)).toEqual([expect.stringContaining("跨省调入已完成")]);
  });

  it("every message delivered again is applied once", async () => {
    const { p, id } = await submitted();
    const pending = await arrived(p, id);
    await c.sz.call("reviewIn", id, SHENZHEN, "approve", "同意接收");
    await c.pump();
    expect((await atHub(id))?.state).toBe("received");

    const before = {
      out: await out(id),
      in: await into(id),
      files: await filesAtShenzhen(pending.personId),
      gdNotices: await notices(c.gd, p.phone),
      szNotices: await notices(c.sz, p.phone),
      hubTransfers: await c.hub.call("read", "hubTransfer", "count", { where: { id } }),
    };
    const events = (await atHub(id))!.events;

    // As after answers lost on the way: every message about the transfer, on all three, is due
    // again and sent again with the same message id.
    for (const node of [c.gd, c.sz, c.hub]) {
      const marked = await node.call(
        "execute",
        `UPDATE "OutboxMessage" SET "deliveredAt" = NULL, "nextAttemptAt" = now() WHERE "transferId" = $1::uuid`,
        id,
      );
      expect(marked, node.key).toBeGreaterThan(0);
    }
    await c.pump();
    for (const node of [c.gd, c.sz, c.hub]) {
      for (const m of await outbox(node, id)) {
        expect(m, `${node.key} ${m.kind}`).toMatchObject({
          deliveredAt: expect.any(Date),
          attempts: 2,
        });
      }
    }

    expect(await out(id)).toEqual(before.out);
    expect(await into(id)).toEqual(before.in);
    expect(await filesAtShenzhen(pending.personId)).toEqual(before.files);
    expect(await notices(c.gd, p.phone)).toEqual(before.gdNotices);
    expect(await notices(c.sz, p.phone)).toEqual(before.szNotices);
    expect(await c.hub.call("read", "hubTransfer", "count", { where: { id } })).toBe(
      before.hubTransfers,
    );
    // The hub's trail records each repeat as such, under the first delivery's message id.
    const after = (await atHub(id))!;
    expect(after.state).toBe("received");
    expect(after.events.slice(0, events.length)).toEqual(events);
    expect(trail(after.events.slice(events.length))).toEqual([
      `submit:${GD}:repeat:received`,
      `receive:${SZ}:repeat:received`,
    ]);
    expect(after.events.slice(events.length).map((e) => e.messageId)).toEqual(
      events.map((e) => e.messageId),
    );
  });

  it("two deliverers of one platform at once, one past the other's lease: applied once", async () => {
    const { p, id } = await applied();
    await c.gd.call("reviewOut", id, GUANGZHOU, "approve", "材料齐全");
    // The worker's run and an operator's `npm run jobs -- --at` ten minutes ahead, together: the
    // later one sees the first one's claim (a five-minute lease) as run out and may send too.
    const now = Date.now();
    await Promise.all([
      c.gd.call("runJobs", new Date(now), ["exchange-outbox"]),
      c.gd.call("runJobs", new Date(now + 10 * 60_000), ["exchange-outbox"]),
    ]);
    await c.pump();
    const [submit] = await outbox(c.gd, id);
    expect(submit).toMatchObject({ kind: "transfer.submit", deliveredAt: expect.any(Date) });
    const hub = (await atHub(id))!;
    expect(hub.state).toBe("submitted");
    // One submission applied; a second send, if the race made one, recorded as a repeat.
    expect(hub.events[0]).toMatchObject({ event: "submit", outcome: "applied" });
    expect(hub.events.slice(1).map((e) => `${e.event}:${e.outcome}`)).toEqual(
      hub.events.slice(1).map(() => "submit:repeat"),
    );
    expect(hub.events.length).toBe(submit!.attempts);
    expect(await out(id)).toMatchObject({ state: "approved", hubState: "submitted" });
    expect(await notices(c.gd, p.phone)).toEqual([expect.stringContaining("调出申请审核通过")]);
  });
});
