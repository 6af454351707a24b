import { randomBytes, randomUUID } from "node:crypto";
import { ACCOUNT_ROW_RETENTION } from "@/lib/account/housekeeping";
import type { Db } from "@/lib/db/client";
import { exchangeRetention } from "@/lib/exchange/outbox-retention";
import { randomPhone } from "../../support/accounts";
import { createPerson } from "../../support/person";
import { createTestStaff } from "../../support/staff";
import { SIGN_IN_RETENTION_MS } from "@/lib/staff/sign-in-store";

const MINUTE = 60_000;

/**
 * For each kind the prune-expired job handles, one row a minute past its retention at `now`
 * (due) and one a minute short of it (kept). `remaining()` lists which of them still exist.
 */
export async function expiringRows(db: Db, now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const r = ACCOUNT_ROW_RETENTION;
  const tag = randomBytes(6).toString("hex");

  const captcha = (expiresAt: Date) =>
    db.captcha.create({
      data: { answerHash: "x", createdAt: at(-r.captchaMs - 10 * MINUTE), expiresAt },
    });
  const captchas = [
    await captcha(at(-r.captchaMs - MINUTE)),
    await captcha(at(-r.captchaMs + MINUTE)),
  ];

  const phone = randomPhone();
  const sms = (createdAt: Date) =>
    db.smsCode.create({
      data: { phone, purpose: "register", codeHash: "x", createdAt, expiresAt: at(1) },
    });
  const smsCodes = [await sms(at(-r.smsCodeMs - MINUTE)), await sms(at(-r.smsCodeMs + MINUTE))];

  const throttle = (n: number, updatedAt: Date) =>
    db.loginThrottle.create({ data: { idNumberIndex: `${tag}-${n}`, failures: 2, updatedAt } });
  const throttles = [
    await throttle(0, at(-r.idleThrottleMs - MINUTE)),
    await throttle(1, at(-r.idleThrottleMs + MINUTE)),
  ];

  const clientLimit = (n: number, expire: Date) =>
    db.rateLimiterFlexible.create({ data: { key: `login-ip:${tag}-${n}`, points: 3, expire } });
  const clientLimits = [await clientLimit(0, at(0)), await clientLimit(1, at(1))];

  const person = await createPerson(db);
  const session = (expiresAt: Date) =>
    db.authSession.create({
      data: { personId: person.id, createdAt: at(-r.sessionMs - 13 * 60 * MINUTE), expiresAt },
    });
  const sessions = [
    await session(at(-r.sessionMs - MINUTE)),
    await session(at(-r.sessionMs + MINUTE)),
  ];

  const staff = await createTestStaff(db, "440100");
  const signIn = (n: number, expiresAt: Date) =>
    db.staffSignIn.create({
      data: {
        staffId: staff.id,
        tokenHash: `${tag}-${n}`,
        createdAt: at(-2 * r.sessionMs),
        expiresAt,
      },
    });
  const signIns = [
    await signIn(0, at(-SIGN_IN_RETENTION_MS - MINUTE)),
    await signIn(1, at(-SIGN_IN_RETENTION_MS + MINUTE)),
  ];

  const nonce = (n: number, expiresAt: Date) =>
    db.exchangeNonce.create({ data: { member: "440300", nonce: `${tag}-${n}`, expiresAt } });
  const nonces = [await nonce(0, at(-1000)), await nonce(1, at(1000))];

  const e = exchangeRetention();
  const party = tag.slice(0, 10); // OutboxMessage.recipient and InboxMessage.sender are 10 long
  const NEVER_DUE = new Date("2999-01-01T00:00:00Z"); // no test's delivery run picks these up
  const message = (data: { deliveredAt?: Date; failedAt?: Date; createdAt: Date }) =>
    db.outboxMessage.create({
      data: {
        recipient: party,
        kind: "transfer.outcome",
        payload: {},
        nextAttemptAt: NEVER_DUE,
        ...data,
      },
    });
  const outboxMessages = [
    await message({
      deliveredAt: at(-e.outboxMs - MINUTE),
      createdAt: at(-e.outboxMs - 2 * MINUTE),
    }),
    await message({
      deliveredAt: at(-e.outboxMs + MINUTE),
      createdAt: at(-e.outboxMs - 2 * MINUTE),
    }),
    // Never delivered or refused for good, however old: kept (operators see them).
    await message({ createdAt: at(-e.inboxMs - MINUTE) }),
    await message({ failedAt: at(-e.inboxMs - MINUTE), createdAt: at(-e.inboxMs - MINUTE) }),
  ];
  const received = (n: number, receivedAt: Date) =>
    db.inboxMessage.create({
      data: { id: randomUUID(), sender: party, kind: `test.${n}`, receivedAt },
    });
  const inboxMessages = [
    await received(0, at(-e.inboxMs - MINUTE)),
    await received(1, at(-e.inboxMs + MINUTE)),
  ];

  const kept = {
    captchas: [captchas[1]!.id],
    smsCodes: [smsCodes[1]!.id],
    loginThrottles: [throttles[1]!.idNumberIndex],
    clientLimits: [clientLimits[1]!.key],
    sessions: [sessions[1]!.id],
    outboxMessages: outboxMessages
      .slice(1)
      .map((m) => m.id)
      .sort(),
    inboxMessages: [inboxMessages[1]!.id],
    staffSignIns: [signIns[1]!.id],
    exchangeNonces: [nonces[1]!.nonce],
  };
  return {
    kept,
    async remaining(): Promise<typeof kept> {
      const ids = <T>(rows: T[], key: (row: T) => string) => rows.map(key).sort();
      return {
        captchas: ids(
          await db.captcha.findMany({ where: { id: { in: captchas.map((c) => c.id) } } }),
          (c) => c.id,
        ),
        smsCodes: ids(await db.smsCode.findMany({ where: { phone } }), (c) => c.id),
        loginThrottles: ids(
          await db.loginThrottle.findMany({ where: { idNumberIndex: { startsWith: tag } } }),
          (t) => t.idNumberIndex,
        ),
        clientLimits: ids(
          await db.rateLimiterFlexible.findMany({ where: { key: { contains: tag } } }),
          (l) => l.key,
        ),
        sessions: ids(
          await db.authSession.findMany({ where: { personId: person.id } }),
          (s) => s.id,
        ),
        outboxMessages: ids(
          await db.outboxMessage.findMany({ where: { recipient: party } }),
          (m) => m.id,
        ),
        inboxMessages: ids(
          await db.inboxMessage.findMany({ where: { sender: party } }),
          (m) => m.id,
        ),
        staffSignIns: ids(
          await db.staffSignIn.findMany({ where: { staffId: staff.id } }),
          (s) => s.id,
        ),
        exchangeNonces: ids(
          await db.exchangeNonce.findMany({ where: { nonce: { startsWith: tag } } }),
          (n) => n.nonce,
        ),
      };
    },
  };
}
