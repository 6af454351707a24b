import "server-only";
import type { Db } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/actions";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { isLocked, lockedMessage, triesLeft } from "./lockout-rules";
import { loginState, recordLoginFailure } from "./login-throttle";
import { securityConfig } from "./security-config";
import { revokeSessionsOf, type SessionPerson } from "./session-service";

export type ReauthResult = { ok: true } | { ok: false; message: string };

/**
 * The password asked again before 修改密码 or 更换手机号. Wrong answers count toward the same
 * lock as login, so a stolen session cannot guess the password without limit; when the lock
 * falls, every session of the account ends.
 */
export async function reauthenticate(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  password: string,
  action: AuditAction,
  now = new Date(),
): Promise<ReauthResult> {
  const person = await db.person.findUniqueOrThrow({
    where: { id: session.personId },
    select: { passwordHash: true, idNumberIndex: true },
  });
  const state = await loginState(db, person.idNumberIndex);
  if (isLocked(state, now)) return { ok: false, message: lockedMessage(state.lockedUntil!) };
  if (await verifyPassword(person.passwordHash, password)) return { ok: true };

  const audit = {
    actorType: "person" as const,
    actorId: session.personId,
    regionCode: session.regionCode,
  };
  const next = await db.$transaction(async (tx) => {
    const after = await recordLoginFailure(tx, person.idNumberIndex, now);
    await writeAudit(tx, ctx, {
      ...audit,
      action,
      outcome: "failure",
      details: { reason: "wrong-password", failedLogins: after.failedLogins },
    });
    if (after.lockedNow) {
      const ended = await revokeSessionsOf(tx, session.personId, "lockout", undefined, now);
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.lockout",
        outcome: "success",
        details: { until: after.lockedUntil!.toISOString(), sessionsEnded: ended },
      });
    }
    return after;
  });
  if (next.lockedUntil) return { ok: false, message: lockedMessage(next.lockedUntil) };
  return { ok: false, message: `密码不正确，还可尝试 ${triesLeft(next, securityConfig())} 次` };
}
