import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { hashSecret } from "@/lib/crypto/secret-hash";
import { consoleReachableFrom } from "./console-network";
import { nextSignInStep, type SignInFacts, type SignInStep } from "./sign-in-steps";

// A staff sign-in between the password and the console (StaffSignIn): not a session. The browser
// holds a random token in an httpOnly cookie (lib/auth/staff-sign-in-cookie.ts); the row keeps
// only its keyed hash, so the table gives no usable token. Nothing but the sign-in's own steps
// reads it — checkStaffSession knows AuthSession rows only — and it lives minutes, not hours.

/** Each step gives the sign-in this long again: time to read, scan and type, not to wander off. */
export const SIGN_IN_MINUTES = 5;

export function signInExpiry(now: Date): Date {
  return new Date(now.getTime() + SIGN_IN_MINUTES * 60_000);
}

function tokenHash(token: string): string {
  return hashSecret("staff-sign-in", token);
}

/** The user agent as the row stores it (its column's length). */
function agentOf(ctx: RequestContext): string | null {
  return ctx.userAgent?.slice(0, 400) ?? null;
}

/** Opened in the password step's success transaction; the token goes to the browser only. */
export async function openSignIn(
  tx: Tx,
  staffId: string,
  ctx: RequestContext,
  now: Date,
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const row = await tx.staffSignIn.create({
    data: {
      staffId,
      tokenHash: tokenHash(token),
      createdAt: now,
      expiresAt: signInExpiry(now),
      userAgent: agentOf(ctx),
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** A sign-in in progress, with what its steps need of the account. */
export interface PendingSignIn {
  id: string;
  staffId: string;
  username: string;
  regionCode: string;
  facts: SignInFacts;
  step: SignInStep;
  /** Encrypted TOTP secrets: the enrolled one, and the one being enrolled. */
  totpSecret: string | null;
  pendingSecret: string | null;
  totpLastStep: number | null;
  passwordHash: string;
}

/**
 * The sign-in behind a token, if it may go on: not used up, not expired, from the browser that
 * opened it (same user agent; the cookie is the binding, this catches a copied one), of an open
 * account, from a network the console allows (console-network.ts). Anything else is null, and the pages send the visitor back to the password.
 */
export async function loadSignIn(
  db: Db | Tx,
  ctx: RequestContext,
  token: string | null | undefined,
  now: Date,
): Promise<PendingSignIn | null> {
  if (!token || token.length > 100 || !consoleReachableFrom(ctx.ip)) return null;
  const row = await db.staffSignIn.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      staffId: true,
      pendingSecret: true,
      factorVerifiedAt: true,
      expiresAt: true,
      consumedAt: true,
      userAgent: true,
      staff: {
        select: {
          username: true,
          regionCode: true,
          disabledAt: true,
          mustChangePassword: true,
          totpSecret: true,
          totpEnrolledAt: true,
          totpLastStep: true,
          passwordHash: true,
        },
      },
    },
  });
  if (!row || row.consumedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.userAgent !== agentOf(ctx) || row.staff.disabledAt) return null;
  const s = row.staff;
  const facts = {
    mustChangePassword: s.mustChangePassword,
    enrolled: s.totpEnrolledAt !== null && s.totpSecret !== null,
    factorVerified: row.factorVerifiedAt !== null,
  };
  return {
    id: row.id,
    staffId: row.staffId,
    username: s.username,
    regionCode: s.regionCode,
    facts,
    step: nextSignInStep(facts),
    totpSecret: s.totpSecret,
    pendingSecret: row.pendingSecret,
    totpLastStep: s.totpLastStep,
    passwordHash: s.passwordHash,
  };
}

/** A step done: record it and give the sign-in its minutes again (only if still open). */
export async function advanceSignIn(
  tx: Tx,
  id: string,
  now: Date,
  data: { factorVerifiedAt?: Date; pendingSecret?: string | null } = {},
): Promise<boolean> {
  const r = await tx.staffSignIn.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: now } },
    data: { ...data, expiresAt: signInExpiry(now) },
  });
  return r.count === 1;
}

/**
 * Uses the sign-in up, once: only one of two parallel completions gets it. The caller opens the
 * session in the same transaction.
 */
export async function consumeSignIn(tx: Tx, id: string, now: Date): Promise<boolean> {
  const r = await tx.staffSignIn.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: now }, factorVerifiedAt: { not: null } },
    data: { consumedAt: now },
  });
  return r.count === 1;
}

/** A reset of the account (second factor, password, closing) ends its sign-ins in progress. */
export async function endSignInsOf(tx: Tx, staffId: string, now: Date): Promise<void> {
  await tx.staffSignIn.updateMany({
    where: { staffId, consumedAt: null },
    data: { consumedAt: now },
  });
}

/** Sign-ins are kept a day past their expiry (for a support question), then pruned. */
export const SIGN_IN_RETENTION_MS = 24 * 3_600_000;

/** The prune-expired job's part for sign-ins nobody can use any more, as of `now`. */
export async function pruneStaffSignIns(db: Db, now: Date): Promise<number> {
  const r = await db.staffSignIn.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - SIGN_IN_RETENTION_MS) } },
  });
  return r.count;
}
