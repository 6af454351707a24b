import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { securityConfig } from "./security-config";

/** Whose session: an accountant's or a finance staff member's (exactly one, by CHECK). */
export type SessionOwner = { personId: string } | { staffId: string };

/** Server-side sessions: the next-auth token only carries the id of one of these rows. */
export async function createSession(
  tx: Tx,
  owner: SessionOwner,
  ctx: RequestContext,
  now = new Date(),
): Promise<string> {
  const { sessionMaxHours } = securityConfig();
  const row = await tx.authSession.create({
    data: {
      ...owner,
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

export type SessionEnd = "missing" | "revoked" | "idle" | "expired";
export type SessionCheck = { ok: true; person: SessionPerson } | { ok: false; reason: SessionEnd };

const SESSION_SELECT = {
  id: true,
  personId: true,
  staffId: true,
  lastSeenAt: true,
  expiresAt: true,
  revokedAt: true,
  // Both owners' display fields in the same query: one round trip per request.
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
  staff: {
    select: {
      id: true,
      username: true,
      name: true,
      regionCode: true,
      roles: true,
      disabledAt: true,
    },
  },
} as const;

type LiveRow = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

function loadSession(db: Db, sessionId: string) {
  return db.authSession.findUnique({
    where: { id: sessionId },
    select: SESSION_SELECT,
  });
}

// lastSeenAt is written at most this often: one write a minute per session, not per request.
const TOUCH_EVERY_MS = 60_000;

/**
 * The session row if it is alive (not revoked, not idle too long, not too old) and belongs to the
 * expected kind of user; keeps it alive. A session of the other kind is "missing": an
 * accountant's session never opens the console, nor a staff session 个人中心.
 */
export async function liveSession(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  kind: "person" | "staff",
  now = new Date(),
): Promise<{ ok: true; row: LiveRow } | { ok: false; reason: SessionEnd }> {
  const row = await loadSession(db, sessionId);
  const ownerId = kind === "person" ? row?.personId : row?.staffId;
  if (!row || !ownerId) return { ok: false, reason: "missing" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  const { sessionIdleMinutes } = securityConfig();
  const idle = now.getTime() - row.lastSeenAt.getTime() > sessionIdleMinutes * 60_000;
  const expired = now.getTime() >= row.expiresAt.getTime();
  // A closed staff account ends its sessions at their next request.
  const closed = row.staff?.disabledAt != null;
  if (idle || expired || closed) {
    const reason = closed ? "revoked" : expired ? "expired" : "idle";
    await db.$transaction(async (tx) => {
      const ended = await tx.authSession.updateMany({
        where: { id: row.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: closed ? "account-closed" : reason },
      });
      if (ended.count === 1) {
        await writeAudit(tx, ctx, {
          actorType: kind,
          actorId: ownerId,
          action: "auth.session-expired",
          outcome: "success",
          regionCode: (row.person ?? row.staff)?.regionCode,
          details: { sessionId: row.id, reason: closed ? "account-closed" : reason },
        });
      }
    });
    return { ok: false, reason };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return { ok: true, row };
}

/** The accountant behind a live session. */
export async function checkSession(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  now = new Date(),
): Promise<SessionCheck> {
  const live = await liveSession(db, ctx, sessionId, "person", now);
  if (!live.ok) return live;
  const p = live.row.person!;
  return {
    ok: true,
    person: {
      sessionId,
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

/** Who ends a session by logging out: an accountant or a finance staff member. */
export interface SessionActor {
  sessionId: string;
  actorType: "person" | "staff";
  actorId: string;
  regionCode: string;
}

export async function logout(
  db: Db,
  ctx: RequestContext,
  actor: SessionActor,
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId, "logout", now);
    await writeAudit(tx, ctx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: "auth.logout",
      outcome: "success",
      regionCode: actor.regionCode,
      details: { sessionId: actor.sessionId },
    });
  });
}
