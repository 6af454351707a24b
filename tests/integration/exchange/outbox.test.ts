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
import { enqueue, deliverDue, type OutboxSend, type OutgoingMessage } from "@/lib/exchange/outbox";
import { RETRY_BASE_MS } from "@/lib/exchange/outbox-backoff";
import { signedSender } from "@/lib/exchange/outbox-delivery";
import { verifyExchangeRequest } from "@/lib/exchange/verify-route";
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

async function register(now: Date, transferId: string | null = null): Promise<string> {
  return db.$transaction((tx) =>
    enqueue(
      tx,
      {
        recipient: "hub",
        kind: "file.register",
        transferId,
        payload: { idNumber: uniqueIdNumber(), regionCode: "440106" },
      },
      now,
    ),
  );
}

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
      kind: "file.register",
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
    expect(await deliverDue(db, back, hub.send)).toEqual({ processed: 3, delivered: 3, failed: 0 });
    expect(await deliverDue(db, later(back, 3600_000), hub.send)).toMatchObject({ processed: 0 });
    for (const id of ids) {
      expect(await row(id)).toMatchObject({ deliveredAt: back, lastError: null });
    }
    const successes = hub.sent.slice(-3).sort();
    expect(successes).toEqual([...ids].sort());
  });

  it("goes on with other messages after a refusal, which is retried like any failure", async () => {
    const t0 = start();
    const [a, b] = [await register(t0), await register(t0)];
    const hub = transport((m) =>
      m.id === a
        ? { ok: false, kind: "http", status: 409, code: "file_held_elsewhere", message: "x" }
        : OK,
    );
    expect(await deliverDue(db, t0, hub.send)).toEqual({ processed: 2, delivered: 1, failed: 1 });
    expect(await row(a)).toMatchObject({
      deliveredAt: null,
      lastError: "http 409 file_held_elsewhere",
    });
    expect(await row(b)).toMatchObject({ deliveredAt: t0 });
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
      "file.register": async (
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
