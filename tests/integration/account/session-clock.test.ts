import { describe, expect, it } from "vitest";
import { extendSession, peekSession, sessionOwnerTag } from "@/lib/account/session-clock";
import { checkSession, createSession, revokeSession } from "@/lib/account/session-service";
import { db } from "@/lib/db/client";
import { createPerson } from "../../support/person";
import { createEnrolledStaff } from "../../support/staff";

// The idle timeout as the page's warning reads it (issue 13, item 7): GET /api/session/idle
// peeks, POST (继续办理) extends. Asking must never itself keep a session alive — or the timeout
// would never come for a page left open — and 继续办理 must never revive one that has ended.

const ctx = { ip: "203.0.113.22", userAgent: "vitest" };
const T0 = new Date("2026-12-04T02:00:00Z");
const MIN = 60_000;
const at = (minutes: number, seconds = 0) =>
  new Date(T0.getTime() + minutes * MIN + seconds * 1000);

async function personSession() {
  const p = await createPerson(db);
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: p.id }, ctx, T0));
  return { personId: p.id, sessionId };
}

const row = (id: string) => db.authSession.findUniqueOrThrow({ where: { id } });

describe("reading the session's clock", () => {
  it("tells how long is left and whose it is, without keeping it alive", async () => {
    const { personId, sessionId } = await personSession();
    for (const minute of [5, 10, 20, 26]) {
      expect(await peekSession(db, sessionId, at(minute))).toEqual({
        live: true,
        kind: "person",
        owner: sessionOwnerTag({ personId }),
        remainingMs: (30 - minute) * MIN,
      });
    }
    expect((await row(sessionId)).lastSeenAt).toEqual(T0);
    // Peeking every few minutes changed nothing: the session ends 30 minutes after its last use.
    expect(await peekSession(db, sessionId, at(30, 1))).toEqual({ live: false });
    expect(await checkSession(db, ctx, sessionId, at(30, 1))).toEqual({
      ok: false,
      reason: "idle",
    });
  });

  it("says ended for a revoked session, one past its 12 hours, another's id or no id", async () => {
    const { sessionId } = await personSession();
    await db.$transaction((tx) => revokeSession(tx, sessionId, "logout", at(1)));
    expect(await peekSession(db, sessionId, at(2))).toEqual({ live: false });
    expect(await peekSession(db, "not-a-session", at(2))).toEqual({ live: false });
    expect(await peekSession(db, crypto.randomUUID(), at(2))).toEqual({ live: false });

    const busy = await personSession();
    await db.authSession.update({
      where: { id: busy.sessionId },
      data: { lastSeenAt: at(12 * 60 - 10) },
    });
    expect(await peekSession(db, busy.sessionId, at(12 * 60 - 3))).toMatchObject({
      live: true,
      remainingMs: 3 * MIN, // the 12-hour limit, not the idle time
    });
    expect(await peekSession(db, busy.sessionId, at(12 * 60))).toEqual({ live: false });
  });

  it("gives a person and a staff member different owner tags, the same across sessions", async () => {
    const { personId, sessionId } = await personSession();
    const second = await db.$transaction((tx) => createSession(tx, { personId }, ctx, T0));
    const staff = await createEnrolledStaff(db, "440100");
    const staffSession = await db.$transaction((tx) =>
      createSession(tx, { staffId: staff.id }, ctx, T0),
    );
    const a = await peekSession(db, sessionId, at(1));
    const b = await peekSession(db, second, at(1));
    const c = await peekSession(db, staffSession, at(1));
    expect(a.live && b.live && a.owner === b.owner).toBe(true);
    expect(c).toMatchObject({
      live: true,
      kind: "staff",
      owner: sessionOwnerTag({ staffId: staff.id }),
    });
    expect(a.live && c.live && a.owner !== c.owner).toBe(true);
  });
});

describe("继续办理", () => {
  it("keeps a live session alive from now: the next idle end is 30 minutes later", async () => {
    const { sessionId } = await personSession();
    expect(await extendSession(db, sessionId, at(26))).toMatchObject({
      live: true,
      remainingMs: 30 * MIN,
    });
    expect((await row(sessionId)).lastSeenAt).toEqual(at(26));
    expect((await checkSession(db, ctx, sessionId, at(55))).ok).toBe(true);
  });

  it("never revives a session that ended, nor moves lastSeenAt back", async () => {
    const idle = await personSession();
    expect(await extendSession(db, idle.sessionId, at(30, 1))).toEqual({ live: false });
    expect((await row(idle.sessionId)).lastSeenAt).toEqual(T0);
    expect((await checkSession(db, ctx, idle.sessionId, at(30, 2))).ok).toBe(false);

    const revoked = await personSession();
    await db.$transaction((tx) => revokeSession(tx, revoked.sessionId, "logout", at(1)));
    expect(await extendSession(db, revoked.sessionId, at(2))).toEqual({ live: false });
    expect((await row(revoked.sessionId)).lastSeenAt).toEqual(T0);

    const late = await personSession();
    await extendSession(db, late.sessionId, at(10));
    // A request that started earlier and arrives later leaves the newer touch alone.
    expect(await extendSession(db, late.sessionId, at(9))).toMatchObject({ remainingMs: 31 * MIN });
    expect((await row(late.sessionId)).lastSeenAt).toEqual(at(10));

    // The 12-hour limit stays: 继续办理 near it keeps only what is left, and nothing after it.
    const capped = await personSession();
    await db.authSession.update({
      where: { id: capped.sessionId },
      data: { lastSeenAt: at(12 * 60 - 10) },
    });
    expect(await extendSession(db, capped.sessionId, at(12 * 60 - 3))).toMatchObject({
      live: true,
      remainingMs: 3 * MIN,
    });
    expect(await extendSession(db, capped.sessionId, at(12 * 60))).toEqual({ live: false });
  });

  it("does not keep a closed staff account's session alive", async () => {
    const staff = await createEnrolledStaff(db, "440100");
    const sessionId = await db.$transaction((tx) =>
      createSession(tx, { staffId: staff.id }, ctx, T0),
    );
    expect((await extendSession(db, sessionId, at(5))).live).toBe(true);
    await db.staff.update({ where: { id: staff.id }, data: { disabledAt: at(6) } });
    expect(await extendSession(db, sessionId, at(7))).toEqual({ live: false });
    expect((await row(sessionId)).lastSeenAt).toEqual(at(5));
  });
});
