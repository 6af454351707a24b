import { describe, expect, inject, it } from "vitest";
import { phoneMatchesAccount, resetPassword } from "@/lib/account/password-service";
import { changePhone, SESSION_ENDED } from "@/lib/account/phone-service";
import { checkSession, createSession, revokeSessionsOf } from "@/lib/account/session-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { db, type Tx } from "@/lib/db/client";
import { lockPersonRow } from "@/lib/person/locks";
import {
  freshClient,
  randomPhone,
  solvedCaptcha,
  STRONG_PASSWORD,
  waitForCode,
} from "../../support/accounts";
import { ctx } from "../../support/collection";
import { createPerson } from "../../support/person";

// 找回密码 and 修改手机号 against a 账号申诉 通过 committing while they run: the decision holds the
// account's row lock (lib/appeal/decide.ts) while it moves the phone, voids the password and ends
// the sessions; what began before it must not overwrite that once the lock is released.

/** PostgreSQL: until some statement waits for a row lock (bounded); PGlite: a moment. */
async function untilWaitingForALock(settled: () => boolean) {
  if (inject("databaseKind") !== "postgres") {
    await new Promise((r) => setTimeout(r, 100));
    return;
  }
  for (let i = 0; i < 100; i++) {
    const [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    // settled: it never needed the row (the assertions tell why)
    if (waiting > 0 || settled()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("nothing waited for the account's row");
}

/**
 * What 通过 does to the account (decide.ts), under its row lock, committed only once `during` has
 * started and is waiting for that lock (PGlite runs one transaction at a time: there `during`
 * simply runs after the commit).
 */
async function reassignWhile<T>(personId: string, during: () => Promise<T>): Promise<T> {
  const appellantPhone = randomPhone();
  let held!: () => void;
  let release!: () => void;
  const isHeld = new Promise<void>((r) => (held = r));
  const released = new Promise<void>((r) => (release = r));
  const decision = db.$transaction(
    async (tx) => {
      await lockPersonRow(tx, personId);
      await tx.person.update({
        where: { id: personId },
        data: { phone: appellantPhone, passwordHash: "", passwordChangedAt: new Date() },
      });
      await revokeSessionsOf(tx, personId, "appeal");
      held();
      await released;
    },
    { timeout: 20_000 },
  );
  await isHeld;
  let done = false;
  const running = during().finally(() => {
    done = true;
  });
  try {
    await untilWaitingForALock(() => done);
  } finally {
    release();
    await decision;
  }
  return running;
}

async function codeTo(
  phone: string,
  purpose: "reset-password" | "change-phone",
  idNumber?: string,
) {
  await sendSmsCode(db, freshClient(), {
    phone,
    purpose,
    ...(await solvedCaptcha(db)),
    ...(idNumber ? { deliverTo: (tx: Tx) => phoneMatchesAccount(tx, idNumber, phone) } : {}),
  });
  return waitForCode(phone);
}

describe("a 账号申诉 通过 committing during 找回密码 by the old phone", () => {
  it("refuses the reset: the squatter's password is not written over the reassigned account", async () => {
    const squatter = await createPerson(db);
    const code = await codeTo(squatter.phone, "reset-password", squatter.idNumber);
    const reset = await reassignWhile(squatter.id, () =>
      resetPassword(db, ctx, {
        idNumber: squatter.idNumber,
        phone: squatter.phone,
        smsCode: code,
        password: "N3w-Passw0rd!",
      }),
    );
    expect(reset).toMatchObject({ ok: false, reason: "mismatch" });
    const after = await db.person.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(after.passwordHash).toBe("");
    expect(after.phone).not.toBe(squatter.phone);
  });
});

describe("a 账号申诉 通过 committing during 修改手机号 by the old holder", () => {
  it("refuses the change: the phone is not moved back, the session stays ended", async () => {
    const squatter = await createPerson(db);
    const sessionId = await db.$transaction((tx) =>
      createSession(tx, { personId: squatter.id }, ctx),
    );
    const check = await checkSession(db, ctx, sessionId);
    if (!check.ok) throw new Error("no session");
    const newPhone = randomPhone();
    const code = await codeTo(newPhone, "change-phone");
    const changed = await reassignWhile(squatter.id, () =>
      changePhone(db, ctx, check.person, { password: STRONG_PASSWORD, newPhone, smsCode: code }),
    );
    expect(changed.ok).toBe(false);
    // PostgreSQL interleaves: the change passed its checks and waits for the row; PGlite runs it
    // after the commit, when the voided password already refuses it.
    if (inject("databaseKind") === "postgres") {
      expect(changed).toEqual({ ok: false, reason: "session-ended", message: SESSION_ENDED });
    }
    const after = await db.person.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(after.phone).not.toBe(newPhone);
    expect(after.phone).not.toBe(squatter.phone);
    expect(after.passwordHash).toBe("");
  });
});
