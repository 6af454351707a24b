import "server-only";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, refusableTransaction } from "@/lib/db/refusal";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { hashPassword, verifyPassword } from "@/lib/crypto/password-hash";
import { newPasswordProblem } from "@/lib/account/common-passwords";
import { createSession } from "@/lib/account/session-service";
import { type SignInRefusal, signInAudit, signInExpired } from "./second-factor-service";
import { advanceSignIn, consumeSignIn, loadSignIn } from "./sign-in-store";
import { nextSignInStep, type SignInStep } from "./sign-in-steps";

// The sign-in's other steps: the first login's own password, and the end — the one place a staff
// session (AuthSession) is opened, and only for a sign-in whose every step is done.

export const SAME_AS_INITIAL = "新密码不能与初始密码相同";

/** Where a sign-in stands, for the step pages: null sends the visitor back to the password. */
export async function signInStep(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  now = new Date(),
): Promise<SignInStep | null> {
  return (await loadSignIn(db, ctx, token, now))?.step ?? null;
}

/**
 * 首次登录修改密码: the initial password (from `npm run staff` or an administrator) is replaced
 * by one only the staff member knows, before anything else is reachable.
 */
export async function changeInitialPassword(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  input: { newPassword: string },
  now = new Date(),
): Promise<{ ok: true; step: SignInStep } | SignInRefusal> {
  const p = await loadSignIn(db, ctx, token, now);
  if (!p || p.step !== "change-password") return signInExpired();
  const problem = newPasswordProblem(input.newPassword);
  if (problem) return fieldRefusal("invalid", "newPassword", problem);
  if (await verifyPassword(p.passwordHash, input.newPassword))
    return fieldRefusal("invalid", "newPassword", SAME_AS_INITIAL);
  const passwordHash = await hashPassword(input.newPassword);
  return refusableTransaction(db, async (tx, refuse) => {
    // Over the hash this sign-in verified only: a reset meanwhile wins.
    const changed = await tx.staff.updateMany({
      where: { id: p.staffId, passwordHash: p.passwordHash, mustChangePassword: true },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false },
    });
    if (changed.count !== 1 || !(await advanceSignIn(tx, p.id, now))) refuse(signInExpired());
    await writeAudit(tx, ctx, {
      ...signInAudit(p),
      action: "auth.password-change",
      outcome: "success",
      details: { as: "staff", reason: "initial", signInId: p.id },
    });
    return { ok: true as const, step: nextSignInStep({ ...p.facts, mustChangePassword: false }) };
  });
}

/**
 * The end of a sign-in: used up once, and the staff session opened in the same transaction —
 * there is no other way to a staff session. Called by next-auth's staff provider, which then
 * puts the session's id in its token.
 */
export async function completeSignIn(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  now = new Date(),
): Promise<{ ok: true; staffId: string; sessionId: string } | SignInRefusal> {
  const p = await loadSignIn(db, ctx, token, now);
  if (!p || p.step !== "done") return signInExpired();
  return refusableTransaction(db, async (tx, refuse) => {
    if (!(await consumeSignIn(tx, p.id, now))) refuse(signInExpired());
    const sessionId = await createSession(tx, { staffId: p.staffId }, ctx, now);
    await writeAudit(tx, ctx, {
      ...signInAudit(p),
      action: "auth.login",
      outcome: "success",
      details: { as: "staff", step: "complete", signInId: p.id, sessionId },
    });
    return { ok: true as const, staffId: p.staffId, sessionId };
  });
}
