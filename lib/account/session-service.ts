import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { securityConfig } from "./security-config";

/** Server-side sessions: the next-auth token only carries the id of one of these rows. */
export async function createSession(
  tx: Tx,
  personId: string,
  ctx: RequestContext,
  now = new Date(),
): Promise<string> {
  const { sessionMaxHours } = securityConfig();
  const row = await tx.authSession.create({
    data: {
      personId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMaxHours * 3_600_000),
      ip: ctx.ip?.slice(0, 64) ?? null,
      userAgent: ctx.userAgent?.slice(0, 400) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export interface SessionPerson {
  sessionId: string;
  personId: string;
  name: string;
  idType: string;
  idNumberMasked: string;
  phone: string;
  regionCode: string;
}

export type SessionCheck =
  | { ok: true; person: SessionPerson }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" };

// lastSeenAt is written at most this often: one write a minute per session, not per request.
const TOUCH_EVERY_MS = 60_000;

/** Whether a session is still alive (not revoked, not idle too long, not too old); keeps it alive. */
export async function checkSession(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  now = new Date(),
): Promise<SessionCheck> {
  const row = await db.authSession.findUnique({
    where: { id: sessionId },
    include: {
      person: {
        select: {
          id: true,
          name: true,
          idType: true,
          idNumberMasked: true,
          phone: true,
          regionCode: true,
        },
      },
    },
  });
  if (!row) return { ok: false, reason: "missing" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  const { sessionIdleMinutes } = securityConfig();
  const idle = now.getTime() - row.lastSeenAt.getTime() > sessionIdleMinutes * 60_000;
  const expired = now.getTime() >= row.expiresAt.getTime();
  if (idle || expired) {
    const reason = expired ? "expired" : "idle";
    await db.$transaction(async (tx) => {
      const ended = await tx.authSession.updateMany({
        where: { id: row.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: reason },
      });
      if (ended.count === 1) {
        await writeAudit(tx, ctx, {
          actorType: "person",
          actorId: row.personId,
          action: "auth.session-expired",
          outcome: "success",
          regionCode: row.person.regionCode,
          details: { sessionId: row.id, reason },
        });
      }
    });
    return { ok: false, reason };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  const p = row.person;
  return {
    ok: true,
    person: {
      sessionId: row.id,
      personId: p.id,
      name: p.name,
      idType: p.idType,
      idNumberMasked: p.idNumberMasked,
      phone: p.phone,
      regionCode: p.regionCode,
    },
  };
}

export async function revokeSession(
  tx: Tx,
  sessionId: string,
  reason: string,
  now = new Date(),
): Promise<boolean> {
  const r = await tx.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
  return r.count === 1;
}

/** Ends every other session of a person (password change) or all of them (password reset). */
export async function revokeSessionsOf(
  tx: Tx,
  personId: string,
  reason: string,
  keepSessionId?: string,
  now = new Date(),
): Promise<number> {
  const r = await tx.authSession.updateMany({
    where: { personId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now, revokeReason: reason },
  });
  return r.count;
}

export async function logout(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    await revokeSession(tx, session.sessionId, "logout", now);
    await writeAudit(tx, ctx, {
      actorType: "person",
      actorId: session.personId,
      action: "auth.logout",
      outcome: "success",
      regionCode: session.regionCode,
      details: { sessionId: session.sessionId },
    });
  });
}
