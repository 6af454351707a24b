import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { isUuid } from "@/lib/utils/uuid";
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

interface SessionPersonRow {
  id: string;
  name: string;
  idType: string;
  idNumberMasked: string;
  phone: string;
  regionCode: string;
}

interface SessionStaffRow {
  id: string;
  username: string;
  name: string;
  regionCode: string;
  roles: string[];
  disabledAt: Date | null;
  /** Sign-in steps still owed (lib/staff/sign-in-steps.ts): such an account has no session. */
  mustChangePassword: boolean;
  totpEnrolledAt: Date | null;
}

/** A session row with both owners' display fields (one of them null). */
export interface LiveRow {
  id: string;
  personId: string | null;
  staffId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  person: SessionPersonRow | null;
  staff: SessionStaffRow | null;
}

type FlatRow = Omit<LiveRow, "person" | "staff"> & {
  [K in keyof SessionPersonRow as `p_${K}`]: SessionPersonRow[K] | null;
} & { [K in keyof SessionStaffRow as `s_${K}`]: SessionStaffRow[K] | null };

// lastSeenAt is written at most this often: one write a minute per session, not per request.
const TOUCH_EVERY_MS = 60_000;

/**
 * Every request checks its session, so this is one round trip: the row with its owner's display
 * fields in one statement (Prisma's nested select would be three queries).
 */
async function loadSession(db: Db, sessionId: string): Promise<LiveRow | null> {
  if (!isUuid(sessionId)) return null;
  const rows = await db.$queryRaw<FlatRow[]>`
    SELECT s.id::text AS id, s."personId"::text AS "personId", s."staffId"::text AS "staffId",
      s."lastSeenAt", s."expiresAt", s."revokedAt",
      p.id::text AS p_id, p.name AS p_name, p."idType" AS "p_idType",
      p."idNumberMasked" AS "p_idNumberMasked", p.phone AS p_phone, p."regionCode" AS "p_regionCode",
      o.id::text AS s_id, o.username AS s_username, o.name AS s_name,
      o."regionCode" AS "s_regionCode", o.roles AS s_roles, o."disabledAt" AS "s_disabledAt",
      o."mustChangePassword" AS "s_mustChangePassword", o."totpEnrolledAt" AS "s_totpEnrolledAt"
    FROM "AuthSession" s
    LEFT JOIN "Person" p ON p.id = s."personId"
    LEFT JOIN "Staff" o ON o.id = s."staffId"
    WHERE s.id = ${sessionId}::uuid`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    personId: r.personId,
    staffId: r.staffId,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    person: r.p_id
      ? {
          id: r.p_id,
          name: r.p_name!,
          idType: r.p_idType!,
          idNumberMasked: r.p_idNumberMasked!,
          phone: r.p_phone!,
          regionCode: r.p_regionCode!,
        }
      : null,
    staff: r.s_id
      ? {
          id: r.s_id,
          username: r.s_username!,
          name: r.s_name!,
          regionCode: r.s_regionCode!,
          roles: r.s_roles!,
          disabledAt: r.s_disabledAt,
          mustChangePassword: r.s_mustChangePassword!,
          totpEnrolledAt: r.s_totpEnrolledAt,
        }
      : null,
  };
}

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
  // A closed staff account ends its sessions at their next request; so does one that owes a sign-in
  // step (a password to replace, a second factor to enrol) — sessions are only opened once every
  // step is done, so this holds even for a row made some other way (defence in depth).
  const closed =
    row.staff != null &&
    (row.staff.disabledAt != null ||
      row.staff.mustChangePassword ||
      row.staff.totpEnrolledAt == null);
  if (idle || expired || closed) {
    const reason = closed ? "revoked" : expired ? "expired" : "idle";
    const why = !closed
      ? reason
      : row.staff!.disabledAt != null
        ? "account-closed"
        : "sign-in-steps-owed";
    await db.$transaction(async (tx) => {
      const ended = await tx.authSession.updateMany({
        where: { id: row.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: why },
      });
      if (ended.count === 1) {
        await writeAudit(tx, ctx, {
          actorType: kind,
          actorId: ownerId,
          action: "auth.session-expired",
          outcome: "success",
          regionCode: (row.person ?? row.staff)?.regionCode,
          details: { sessionId: row.id, reason: why },
        });
      }
    });
    return { ok: false, reason };
  }
  // At most once a minute, so nearly every request is the one round trip above. Not if it was
  // ended meanwhile: a revocation is never undone by a late touch.
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.updateMany({
      where: { id: row.id, revokedAt: null, lastSeenAt: { lt: now } },
      data: { lastSeenAt: now },
    });
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
