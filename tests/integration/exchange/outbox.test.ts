// The transactional outbox: at-least-once delivery that ends exactly once per message, retries
// with backoff, answers applied with the delivery, and parallel deliverers that never send the
// same message twice (FOR UPDATE SKIP LOCKED).
//
// The tests run in the year 2001: messages from other test files (enqueued at the real time)
// are never due, and afterEach puts aside whatever a test left.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ExchangeResult } from "@/lib/exchange/client";
import type { Tx } from "@/lib/db/client";
import {
  type AfterCommit,
  type Composers,
  deliverDue,
  enqueue,
  type OutboxMessageRef,
  type OutboxRefusal,
  type OutboxSend,
  type OutgoingMessage,
} from "@/lib/exchange/outbox";
import { GET as ready } from "@/app/api/ready/route";
import { RETRY_BASE_MS } from "@/lib/exchange/outbox-backoff";
import { outboxMessage, outboxWarning, STUCK_AFTER_MS } from "@/lib/exchange/outbox-health";
import { signedSender } from "@/lib/exchange/outbox-delivery";
import { verifyExchangeRequest } from "@/lib/exchange/verify-route";
import { failingCommits } from "../../support/failing-commits";
import { ensureMembers, secretOf, submission, SZ, uniqueIdNumber } from "./support";

let clock = Date.parse("2001-01-01T00:00:00Z");
/** A fresh hour of 2001 for each test. */
function start(): Date {
  clock += 24 * 3600_000;
  return new Date(clock);
}
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

beforeAll(() => ensureMembers(db));
afterEach(async () => {
  await db.outboxMessage.updateMany({
    where: { deliveredAt: null, createdAt: { lt: new Date("2010-01-01") } },
    data: { deliveredAt: new Date("2001-01-01") },
  });
});

/** A message whose body is stored (the hub's notification), about `transferId` when given. */
async function register(now: Date, transferId: string | null = null): Promise<string> {
  const payload = { transferId: randomUUID(), role: "origin", state: "withdrawn", at: ISO };
  return db.$transaction((tx) =>
    enqueue(tx, { recipient: "hub", kind: "transfer.outcome", transferId, payload }, now),
  );
}
const ISO = "2001-01-01T00:00:00.000Z";

/** A transport that records what it sent and answers as `answer` says. */
function transport(answer: (m: OutgoingMessage, call: number) => ExchangeResult<unknown>) {
  const sent: string[] = [];
  const send: OutboxSend = async (m) => {
    sent.push(m.id);
    return answer(m, sent.length);
  };
  return { send, sent };
}
const OK: ExchangeResult<unknown> = { ok: true, status: 200, data: { ok: true } };
const DOWN: ExchangeResult<unknown> = { ok: false, kind: "network", message: "ECONNREFUSED" };

const row = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });

describe("enqueue", () => {
  it("checks the body against the contract in the caller's transaction", async () => {
    const now = start();
    const id = await register(now);
    expect(await row(id)).toMatchObject({
      recipient: "hub",
      kind: "transfer.outcome",
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
    });
    expect((await row(id)).payload).not.toHaveProperty("messageId");
    await expect(
      db.$transaction((tx) =>
        enqueue(tx, {
          recipient: "hub",
          kind: "transfer.event",
          transferId: randomUUID(),
          payload: { event: "undo" },
        }),
      ),
    ).rejects.toThrow();
    await expect(
      db.$transaction((tx) =>
        enqueue(tx, { recipient: "hub", kind: "transfer.event", payload: { event: "withdraw" } }),
      ),
    ).rejects.toThrow(/needs a transferId/);
  });

  it("stores only the reference of a composed kind, never its body", async () => {
    const personId = randomUUID();
    const id = await db.$transaction((tx) =>
      enqueue(tx, {
        recipient: "hub",
        kind: "file.register",
        payload: { personId, regionCode: "440106" },
      }),
    );
    expect((await row(id)).payload).toEqual({ personId, regionCode: "440106" });
    // The body itself is refused: the reference is strict.
    await expect(
      db.$transaction((tx) =>
        enqueue(tx, {
          recipient: "hub",
          kind: "file.register",
          payload: { personId, regionCode: "440106", idNumber: uniqueIdNumber() },
        }),
      ),
    ).rejects.toThrow();
    await db.outboxMessage.update({ where: { id }, data: { deliveredAt: new Date() } });
  });
});

describe("deliverDue", () => {
  it("retries a failing transport with backoff and delivers exactly once when it recovers", async () => {
    const t0 = start();
    const ids = [await register(t0), await register(later(t0, 1)), await register(later(t0, 2))];
    let up = false;
    const hub = transport(() => (up ? OK : DOWN));

    // The hub does not answer: one try, and the rest of the run leaves it alone.
    expect(await deliverDue(db, t0, hub.send, { random: () => 0.5 })).toEqual({
      processed: 1,
      delivered: 0,
      failed: 1,
      refused: 0,
    });
    const first = await row(ids[0]!);
    expect(first).toMatchObject({
      attempts: 1,
      deliveredAt: null,
      lastError: "network: ECONNREFUSED",
    });
    expect(first.nextAttemptAt).toEqual(later(t0, RETRY_BASE_MS));

    // Still down a second later: the next message is tried, the first is not due yet.
    await deliverDue(db, later(t0, 1000), hub.send, { random: () => 0.5 });
    expect(hub.sent).toEqual([ids[0], ids[1]]);

    // Oldest due first: the one never tried, then the first at its retry, whose delay doubles.
    await deliverDue(db, later(t0, RETRY_BASE_MS), hub.send, { random: () => 0.5 });
    const retry = later(t0, RETRY_BASE_MS + 1);
    await deliverDue(db, retry, hub.send, { random: () => 0.5 });
    expect(hub.sent).toEqual([ids[0], ids[1], ids[2], ids[0]]);
    expect(await row(ids[0]!)).toMatchObject({
      attempts: 2,
      nextAttemptAt: later(retry, 2 * RETRY_BASE_MS),
    });

    up = true;
    const back = later(t0, 3600_000);
    expect(await deliverDue(db, back, hub.send)).toEqual({
      processed: 3,
      delivered: 3,
      failed: 0,
      refused: 0,
    });
    expect(await deliverDue(db, later(back, 3600_000), hub.send)).toMatchObject({ processed: 0 });
    for (const id of ids) {
      expect(await row(id)).toMatchObject({ deliveredAt: back, lastError: null });
    }
    const successes = hub.sent.slice(-3).sort();
    expect(successes).toEqual([...ids].sort());
  });

  it("ends a message its recipient refused for good, hands the refusal over once, never sends it again", async () => {
    const t0 = start();
    const refusals: Record<number, [number, string]> = {
      0: [400, "invalid_destination"],
      1: [403, "not_party"],
      2: [404, "not_found"],
      3: [409, "file_held_elsewhere"],
      4: [413, "body_too_large"],
    };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await register(later(t0, i)));
    const ok = await register(later(t0, 5));
    const hub = transport((m) => {
      const refused = refusals[ids.indexOf(m.id)];
      if (!refused) return OK;
      const [status, code] = refused;
      return { ok: false, kind: "http", status, code, message: `拒绝：${code}` };
    });
    const handed: unknown[] = [];
    const onRefusal = {
      "transfer.outcome": async (tx: Tx, m: OutboxMessageRef, refusal: OutboxRefusal) => {
        // In the transaction that marks it failed: the row says so already.
        const mine = await tx.outboxMessage.findUniqueOrThrow({ where: { id: m.id } });
        expect(mine.failedAt).toEqual(later(t0, 10));
        handed.push({ id: m.id, ...refusal });
      },
    };
    expect(await deliverDue(db, later(t0, 10), hub.send, { onRefusal })).toEqual({
      processed: 6,
      delivered: 1,
      failed: 0,
      refused: 5,
    });
    expect(handed).toEqual(
      ids.map((id, i) => ({
        id,
        ok: false,
        reason: refusals[i]![1],
        message: `拒绝：${refusals[i]![1]}`,
        status: refusals[i]![0],
      })),
    );
    for (const [i, id] of ids.entries()) {
      expect(await row(id)).toMatchObject({
        deliveredAt: null,
        failedAt: later(t0, 10),
        lastError: `refused: http ${refusals[i]![0]} ${refusals[i]![1]}`,
      });
    }
    expect(await row(ok)).toMatchObject({ deliveredAt: later(t0, 10), failedAt: null });
    // Never tried again, however late.
    expect(await deliverDue(db, later(t0, 30 * 24 * 3600_000), hub.send)).toMatchObject({
      processed: 0,
    });
    expect(hub.sent).toHaveLength(6);
  });

  it("retries what may pass later: 5xx, 401, 408, 429, a proxy's 4xx, not_hub, network, a bad answer", async () => {
    const t0 = start();
    const failures: ExchangeResult<unknown>[] = [
      { ok: false, kind: "http", status: 500, code: "internal", message: "系统繁忙" },
      { ok: false, kind: "http", status: 503, code: "http_503", message: "HTTP 503" },
      { ok: false, kind: "http", status: 401, code: "expired", message: "签名" },
      { ok: false, kind: "http", status: 408, code: "http_408", message: "HTTP 408" },
      { ok: false, kind: "http", status: 429, code: "rate_limited", message: "slow down" },
      { ok: false, kind: "http", status: 404, code: "http_404", message: "HTTP 404" },
      { ok: false, kind: "http", status: 404, code: "not_hub", message: "本实例不是全国平台" },
      { ok: false, kind: "bad_answer", status: 200, message: "x" },
      DOWN,
    ];
    const ids: string[] = [];
    for (let i = 0; i < failures.length; i++) ids.push(await register(later(t0, i)));
    // The network failure comes last: it stops the run for its recipient.
    const hub = transport((m) => failures[ids.indexOf(m.id)]!);
    expect(await deliverDue(db, later(t0, 10), hub.send)).toMatchObject({
      processed: failures.length,
      failed: failures.length,
      refused: 0,
    });
    for (const id of ids)
      expect(await row(id)).toMatchObject({ failedAt: null, deliveredAt: null });
    const retried = transport(() => OK);
    await deliverDue(db, later(t0, 3600_000), retried.send);
    expect(retried.sent.sort()).toEqual([...ids].sort());
  });

  it("lets a transfer's later message go once an earlier one has failed for good", async () => {
    const t0 = start();
    const transferId = randomUUID();
    const first = await register(t0, transferId);
    const second = await register(later(t0, 1), transferId);
    const hub = transport((m) =>
      m.id === first
        ? { ok: false, kind: "http", status: 404, code: "not_found", message: "没有这个调转" }
        : OK,
    );
    await deliverDue(db, later(t0, 1), hub.send);
    expect(hub.sent).toEqual([first, second]);
    expect(await row(second)).toMatchObject({ deliveredAt: later(t0, 1) });
  });

  it("keeps a transfer's messages in order: the second waits for the first", async () => {
    const t0 = start();
    const transferId = randomUUID();
    const first = await register(t0, transferId);
    const second = await register(later(t0, 1), transferId);
    const other = await register(t0, randomUUID());
    let fail = true;
    const hub = transport((m) =>
      m.id === first && fail
        ? { ok: false, kind: "http", status: 500, code: "internal", message: "x" }
        : OK,
    );
    await deliverDue(db, later(t0, 1), hub.send);
    expect(hub.sent.sort()).toEqual([first, other].sort());
    fail = false;
    await deliverDue(db, later(t0, 3600_000), hub.send);
    expect(hub.sent.slice(2)).toEqual([first, second]);
  });

  it("applies the answer in the transaction that marks the message delivered, once", async () => {
    const t0 = start();
    const id = await register(t0);
    const hub = transport(() => OK);
    let fail = true;
    const applied: string[] = [];
    const onAnswer = {
      "transfer.outcome": async (
        tx: Parameters<typeof enqueue>[0],
        m: OutgoingMessage,
        answer: { ok: true },
      ) => {
        expect(answer).toEqual({ ok: true });
        await tx.inboxMessage.create({ data: { id: m.id, sender: "hub", kind: "test.answer" } });
        if (fail) throw new Error("the platform could not apply it");
        applied.push(m.id);
      },
    };
    expect(await deliverDue(db, t0, hub.send, { onAnswer })).toMatchObject({
      delivered: 0,
      failed: 1,
    });
    expect(await row(id)).toMatchObject({ deliveredAt: null, lastError: "answer not applied" });
    expect(await db.inboxMessage.count({ where: { id } })).toBe(0);

    fail = false;
    await deliverDue(db, later(t0, 3600_000), hub.send, { onAnswer });
    await deliverDue(db, later(t0, 7200_000), hub.send, { onAnswer });
    expect(applied).toEqual([id]);
    expect(hub.sent).toEqual([id, id]);
    expect(await db.inboxMessage.count({ where: { id } })).toBe(1);
  });

  it("never sends a message twice with two deliverers running at once", async () => {
    const t0 = start();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await register(t0, i % 3 === 0 ? randomUUID() : null));
    const sent: string[] = [];
    const slow: OutboxSend = async (m) => {
      sent.push(m.id);
      await new Promise((r) => setTimeout(r, 5));
      return OK;
    };
    const [x, y] = await Promise.all([deliverDue(db, t0, slow), deliverDue(db, t0, slow)]);
    expect(x.processed + y.processed).toBe(30);
    expect(x.delivered + y.delivered).toBe(30);
    expect(new Set(sent).size).toBe(sent.length);
    expect([...sent].sort()).toEqual([...ids].sort());
    expect(await db.outboxMessage.count({ where: { id: { in: ids }, deliveredAt: null } })).toBe(0);
  });
});

describe("after-commit effects", () => {
  const effectOf = (ran: string[]) => ({
    "transfer.outcome": async (_tx: Tx, m: OutgoingMessage): Promise<AfterCommit> => {
      return async () => {
        ran.push(m.id);
      };
    },
  });

  it("run once the answer's transaction has committed, never for an attempt that rolled back", async () => {
    const t0 = start();
    const id = await register(t0);
    const hub = transport(() => OK);
    const ran: string[] = [];
    // The handler ran and returned its effect, then the commit failed: nothing runs.
    expect(
      await deliverDue(failingCommits(), t0, hub.send, { onAnswer: effectOf(ran) }),
    ).toMatchObject({ delivered: 0, failed: 1 });
    expect(ran).toEqual([]);
    expect(await row(id)).toMatchObject({ deliveredAt: null, lastError: "answer not applied" });
    // The retry commits: its effect runs, once.
    await deliverDue(db, later(t0, 3600_000), hub.send, { onAnswer: effectOf(ran) });
    await deliverDue(db, later(t0, 7200_000), hub.send, { onAnswer: effectOf(ran) });
    expect(ran).toEqual([id]);
  });

  it("of a refusal, likewise", async () => {
    const t0 = start();
    const id = await register(t0);
    const hub = transport(() => ({
      ok: false,
      kind: "http",
      status: 409,
      code: "message_conflict",
      message: "x",
    }));
    const ran: string[] = [];
    const onRefusal = {
      "transfer.outcome": async (_tx: Tx, m: OutboxMessageRef): Promise<AfterCommit> => {
        return async () => {
          ran.push(m.id);
        };
      },
    };
    await deliverDue(failingCommits(), t0, hub.send, { onRefusal });
    expect(ran).toEqual([]);
    expect(await row(id)).toMatchObject({
      failedAt: null,
      lastError: expect.stringMatching(/^refusal not applied \(http 409/),
    });
    await deliverDue(db, later(t0, 3600_000), hub.send, { onRefusal });
    expect(ran).toEqual([id]);
    expect(await row(id)).toMatchObject({ failedAt: later(t0, 3600_000) });
  });
});

describe("composed bodies", () => {
  async function registration(now: Date, personId: string = randomUUID()): Promise<string> {
    return db.$transaction((tx) =>
      enqueue(
        tx,
        { recipient: "hub", kind: "file.register", payload: { personId, regionCode: "440106" } },
        now,
      ),
    );
  }

  it("are built when sent, checked against the contract, and end the message when they cannot be", async () => {
    const t0 = start();
    const [good, gone, broken, flaky] = [
      await registration(t0),
      await registration(later(t0, 1)),
      await registration(later(t0, 2)),
      await registration(later(t0, 3)),
    ];
    const idNumber = uniqueIdNumber();
    let storageDown = true;
    const compose: Composers = {
      "file.register": async (_db, m) => {
        if (m.id === gone) return { ok: false, reason: "no_person", message: "人员不存在" };
        if (m.id === broken) return { ok: true, body: { idNumber: "", regionCode: "440106" } };
        if (m.id === flaky && storageDown) throw new Error("storage down");
        return { ok: true, body: { idNumber, regionCode: String(m.stored.regionCode) } };
      },
    };
    const hub = transport(() => OK);
    const bodies: Record<string, unknown> = {};
    const send: OutboxSend = async (m) => {
      bodies[m.id] = m.body;
      return hub.send(m);
    };
    const handed: string[] = [];
    const onRefusal = {
      "file.register": async (_tx: Tx, m: OutboxMessageRef, r: OutboxRefusal) => {
        handed.push(`${m.id === gone ? "gone" : "broken"} ${r.reason} ${r.status}`);
      },
    };
    expect(await deliverDue(db, later(t0, 10), send, { compose, onRefusal })).toEqual({
      processed: 4,
      delivered: 1,
      failed: 1,
      refused: 2,
    });
    expect(bodies).toEqual({ [good]: { messageId: good, idNumber, regionCode: "440106" } });
    expect(handed).toEqual(["gone no_person null", "broken invalid_body null"]);
    expect(await row(gone)).toMatchObject({
      failedAt: later(t0, 10),
      lastError: "not composed: no_person",
    });
    expect((await row(broken)).lastError).toMatch(/^invalid body: idNumber /);
    expect(await row(flaky)).toMatchObject({ failedAt: null, lastError: "compose failed: Error" });
    // Nothing the composer returned was written to the rows.
    for (const id of [good, gone, broken, flaky]) {
      expect(JSON.stringify(await row(id))).not.toContain(idNumber);
    }
    storageDown = false;
    await deliverDue(db, later(t0, 3600_000), send, { compose, onRefusal });
    expect(await row(flaky)).toMatchObject({ deliveredAt: later(t0, 3600_000) });
  });

  it("that may have been sent before are not ended when they cannot be built again", async () => {
    const t0 = start();
    const id = await registration(t0);
    let fileThere = true;
    const compose: Composers = {
      "file.register": async () =>
        fileThere
          ? { ok: true, body: { idNumber: uniqueIdNumber(), regionCode: "440106" } }
          : { ok: false, reason: "no_person", message: "人员不存在" },
    };
    // Sent, but the answer never came: the hub may hold it.
    const silent = transport(() => ({ ok: false, kind: "network", message: "timeout" }));
    expect(await deliverDue(db, t0, silent.send, { compose })).toMatchObject({ failed: 1 });
    expect(silent.sent).toHaveLength(1);
    fileThere = false;
    const handed: string[] = [];
    const onRefusal = {
      "file.register": async () => {
        handed.push("ended");
      },
    };
    const hub = transport(() => OK);
    expect(
      await deliverDue(db, later(t0, 3600_000), hub.send, { compose, onRefusal }),
    ).toMatchObject({ failed: 1, refused: 0 });
    expect(handed).toEqual([]);
    expect(await row(id)).toMatchObject({ failedAt: null, lastError: "not composed: no_person" });
  });

  it("wait, not fail, without their composer (a deployment to mend)", async () => {
    const t0 = start();
    const id = await registration(t0);
    const hub = transport(() => OK);
    expect(await deliverDue(db, t0, hub.send)).toMatchObject({ failed: 1, refused: 0 });
    expect(hub.sent).toEqual([]);
    expect(await row(id)).toMatchObject({
      failedAt: null,
      lastError: "no composer for file.register",
    });
  });
});

describe("the operators' warning", () => {
  it("counts messages undelivered for more than a day and those refused for good", async () => {
    const now = new Date("1995-06-01T00:00:00Z");
    const before = await outboxWarning(db, now);
    const old = new Date(now.getTime() - STUCK_AFTER_MS - 1000);
    const fresh = new Date(now.getTime() - STUCK_AFTER_MS + 1000);
    const party = "warn-test";
    const make = (data: { createdAt: Date; failedAt?: Date; deliveredAt?: Date }) =>
      db.outboxMessage.create({
        data: { recipient: party, kind: "transfer.outcome", payload: {}, ...data },
      });
    await make({ createdAt: old }); // stuck
    await make({ createdAt: fresh }); // not yet
    await make({ createdAt: old, deliveredAt: fresh }); // delivered
    await make({ createdAt: old, failedAt: fresh }); // refused: counted as such, not stuck
    const after = await outboxWarning(db, now);
    expect({ stuck: after.stuck - before.stuck, failed: after.failed - before.failed }).toEqual({
      stuck: 1,
      failed: 1,
    });
    expect(outboxMessage(1, 1)).toBe(
      "全国平台交换：1 条消息超过一天未送达，1 条消息被对方拒收、不再重试（原因见 OutboxMessage.lastError）",
    );
    expect(outboxMessage(0, 0)).toBeNull();
    await db.outboxMessage.deleteMany({ where: { recipient: party } });
  });

  it("is listed by /api/ready, which stays ready", async () => {
    const row = await db.outboxMessage.create({
      data: {
        recipient: "warn-test",
        kind: "transfer.outcome",
        payload: {},
        failedAt: new Date(),
        lastError: "refused: http 409 message_conflict",
      },
    });
    try {
      const res = await ready(new Request("http://localhost/api/ready"));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { checks: Record<string, string>; warnings: string[] };
      expect(body.checks.outbox).toBe("warn");
      expect(body.warnings.some((w) => w.includes("被对方拒收"))).toBe(true);
    } finally {
      await db.outboxMessage.delete({ where: { id: row.id } });
    }
  });
});

describe("the hub's sender", () => {
  it("signs each notification for its addressee, who verifies it with its own secret", async () => {
    const saved = process.env.KUAIJI_ROLE;
    process.env.KUAIJI_ROLE = "hub";
    try {
      const t0 = start();
      const transferId = submission().transfer.id;
      const id = await db.$transaction((tx) =>
        enqueue(
          tx,
          {
            recipient: SZ,
            kind: "transfer.outcome",
            transferId,
            payload: { transferId, role: "destination", state: "withdrawn", at: t0.toISOString() },
          },
          t0,
        ),
      );
      const received: unknown[] = [];
      const platform = (async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init);
        expect(request.url).toBe("http://sz.test/api/exchange/v1/notifications");
        const verified = await verifyExchangeRequest(db, request, {
          audience: "member",
          secretOf: async (m) => (m === SZ ? secretOf(SZ) : undefined),
        });
        if (!verified.ok) return verified.response;
        received.push(JSON.parse(verified.text));
        return Response.json({ ok: true });
      }) as typeof fetch;
      expect(await deliverDue(db, t0, signedSender(db, { fetch: platform }))).toMatchObject({
        delivered: 1,
      });
      expect(received).toEqual([
        {
          messageId: id,
          transferId,
          role: "destination",
          state: "withdrawn",
          at: t0.toISOString(),
        },
      ]);
    } finally {
      process.env.KUAIJI_ROLE = saved;
    }
  });
});
