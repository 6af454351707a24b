import { describe, expect, it } from "vitest";
import { checkSession, createSession, revokeSession } from "@/lib/account/session-service";
import { db } from "@/lib/db/client";
import { checkStaffSession } from "@/lib/staff/staff-session";
import { createPerson } from "../../support/person";
import { createEnrolledStaff } from "../../support/staff";

// The session check every request makes (issue 9: one statement for the row and its owner, the
// lastSeenAt touch at most once a minute). Being cheaper must not make it more lenient: these
// pin each way a session ends, at the minute, and that an ended session is never touched.

const ctx = { ip: "203.0.113.21", userAgent: "vitest" };
const T0 = new Date("2026-11-27T04:00:00Z");
const at = (minutes: number, seconds = 0) =>
  new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

async function personSession() {
  const p = await createPerson(db);
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: p.id }, ctx, T0));
  return { personId: p.id, sessionId };
}

const lastSeen = async (id: string) =>
  (await db.authSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;

describe("the session check", () => {
  it("answers with the person, and keeps the session alive at most once a minute", async () => {
    const { personId, sessionId } = await personSession();
    const check = await checkSession(db, ctx, sessionId, at(0, 30));
    expect(check).toMatchObject({ ok: true, person: { sessionId, personId } });
    expect(await lastSeen(sessionId)).toEqual(T0);

    expect((await checkSession(db, ctx, sessionId, at(1, 1))).ok).toBe(true);
    expect(await lastSeen(sessionId)).toEqual(at(1, 1));
    // A request that started earlier and checks later never moves lastSeenAt back.
    expect((await checkSession(db, ctx, sessionId, at(0, 59))).ok).toBe(true);
    expect(await lastSeen(sessionId)).toEqual(at(1, 1));
  });

  it("is idle after 30 minutes without a request, counted from the last touch", async () => {
    const { sessionId } = await personSession();
    expect((await checkSession(db, ctx, sessionId, at(20))).ok).toBe(true); // touched at 20
    expect((await checkSession(db, ctx, sessionId, at(50))).ok).toBe(true); // 30 min after
    expect(await checkSession(db, ctx, sessionId, at(80, 1))).toEqual({
      ok: false,
      reason: "idle",
    });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ lastSeenAt: at(50), revokedAt: at(80, 1), revokeReason: "idle" });
    // Ended is ended: a later check neither revives nor touches it.
    expect(await checkSession(db, ctx, sessionId, at(80, 2))).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(await lastSeen(sessionId)).toEqual(at(50));
  });

  it("expires 12 hours after login however busy it is, and a revoked one stays revoked", async () => {
    const { sessionId } = await personSession();
    expect((await checkSession(db, ctx, sessionId, at(12 * 60 - 1))).ok).toBe(false); // idle
    const busy = await personSession();
    for (let m = 25; m < 12 * 60; m += 25) {
      expect((await checkSession(db, ctx, busy.sessionId, at(m))).ok).toBe(true);
    }
    expect(await checkSession(db, ctx, busy.sessionId, at(12 * 60))).toEqual({
      ok: false,
      reason: "expired",
    });

    const revoked = await personSession();
    await db.$transaction((tx) => revokeSession(tx, revoked.sessionId, "logout", at(1)));
    expect(await checkSession(db, ctx, revoked.sessionId, at(2))).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(await lastSeen(revoked.sessionId)).toEqual(T0);
  });

  it("keeps the two kinds apart, refuses what is not a session id, and ends a closed staff account's sessions", async () => {
    const person = await personSession();
    const staff = await createEnrolledStaff(db, "440100");
    const staffSession = await db.$transaction((tx) =>
      createSession(tx, { staffId: staff.id }, ctx, T0),
    );
    expect(await checkSession(db, ctx, staffSession, at(1))).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(await checkStaffSession(db, ctx, person.sessionId, at(1))).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(await checkSession(db, ctx, "not-a-session", at(1))).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(await checkStaffSession(db, ctx, staffSession, at(2))).toMatchObject({
      ok: true,
      staff: { staffId: staff.id, regionCode: "440100" },
    });

    await db.staff.update({ where: { id: staff.id }, data: { disabledAt: at(3) } });
    expect(await checkStaffSession(db, ctx, staffSession, at(4))).toEqual({
      ok: false,
      reason: "revoked",
    });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: staffSession } });
    expect(row).toMatchObject({ revokeReason: "account-closed", lastSeenAt: at(2) });
  });
});
