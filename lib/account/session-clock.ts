import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/utils/uuid";
import { securityConfig } from "./security-config";
import { sessionRemainingMs } from "./session-timing";

// The idle timeout as the browser sees it (issue 13, item 7): how long a session has left, read
// without keeping it alive — a page asking every few minutes must not itself be activity, or
// the timeout would never come — and 继续办理, which keeps it alive on purpose.

/** What the browser learns: whose session (as an opaque tag) and how long it has left. */
export type SessionClock =
  { live: true; kind: "person" | "staff"; owner: string; remainingMs: number } | { live: false };

/**
 * A tag for the session's owner, the same across their sessions: after a login in place the page
 * compares it with the one it was rendered for, so another person's login never inherits what
 * the page holds. A hash, so the page learns nothing it could use elsewhere.
 */
export function sessionOwnerTag(owner: { personId: string } | { staffId: string }): string {
  const key = "personId" in owner ? `person:${owner.personId}` : `staff:${owner.staffId}`;
  return createHash("sha256").update(key).digest("base64url").slice(0, 16);
}

interface ClockRow {
  personId: string | null;
  staffId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

function clockOf(row: ClockRow | undefined, now: Date): SessionClock {
  if (!row) return { live: false };
  const remainingMs = sessionRemainingMs(row, securityConfig().sessionIdleMinutes, now);
  if (remainingMs === null) return { live: false };
  return row.personId
    ? {
        live: true,
        kind: "person",
        owner: sessionOwnerTag({ personId: row.personId }),
        remainingMs,
      }
    : { live: true, kind: "staff", owner: sessionOwnerTag({ staffId: row.staffId! }), remainingMs };
}

/**
 * How long the session has left, read only: one statement, no touch, no revocation (the next
 * real request ends an idle session and audits it, as always).
 */
export async function peekSession(
  db: Db,
  sessionId: string,
  now = new Date(),
): Promise<SessionClock> {
  if (!isUuid(sessionId)) return { live: false };
  const rows = await db.$queryRaw<ClockRow[]>`
    SELECT "personId"::text AS "personId", "staffId"::text AS "staffId", "lastSeenAt", "expiresAt"
    FROM "AuthSession" WHERE id = ${sessionId}::uuid AND "revokedAt" IS NULL`;
  return clockOf(rows[0], now);
}

/**
 * 继续办理: keeps a session that is still alive alive from `now`, in one statement that checks it
 * is alive as it writes (never reviving one that ended a moment ago, nor a closed staff
 * account's). The 12-hour limit stays: `remainingMs` says what is left of it.
 */
export async function extendSession(
  db: Db,
  sessionId: string,
  now = new Date(),
): Promise<SessionClock> {
  if (!isUuid(sessionId)) return { live: false };
  const idleSince = new Date(now.getTime() - securityConfig().sessionIdleMinutes * 60_000);
  const rows = await db.$queryRaw<ClockRow[]>`
    UPDATE "AuthSession" s SET "lastSeenAt" = GREATEST(s."lastSeenAt", ${now}::timestamptz)
    WHERE s.id = ${sessionId}::uuid AND s."revokedAt" IS NULL
      AND s."lastSeenAt" >= ${idleSince}::timestamptz AND s."expiresAt" > ${now}::timestamptz
      AND (s."staffId" IS NULL OR EXISTS (
        SELECT 1 FROM "Staff" o WHERE o.id = s."staffId" AND o."disabledAt" IS NULL
          AND NOT o."mustChangePassword" AND o."totpEnrolledAt" IS NOT NULL))
    RETURNING s."personId"::text AS "personId", s."staffId"::text AS "staffId", s."lastSeenAt",
      s."expiresAt"`;
  return clockOf(rows[0], now);
}
