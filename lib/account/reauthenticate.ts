import "server-only";
import type { Db } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/actions";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { lockedMessage, triesLeft } from "./lockout-rules";
import { clearLoginFailures, reserveLoginAttempt } from "./login-throttle";
import { securityConfig } from "./security-config";
import { revokeSessionsOf, type SessionPerson } from "./session-service";

export type ReauthResult = { ok: true } | { ok: false; message: string };

/**
 * The password asked again before 修改密码 or 更换手机号. Wrong answers count toward the same
 * lock as login, so a stolen session cannot guess the password without limit; when the lock
 * falls, every session of the account ends. Like login, the attempt is counted before the hash
 * (reserveLoginAttempt), so parallel guesses get no more tries than sequential ones.
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
  const attempt = await reserveLoginAttempt(db, person.idNumberIndex, now);
  if (!attempt.ok) return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  if (await verifyPassword(person.passwordHash, password)) {
    await db.$transaction((tx) => clearLoginFailures(tx, person.idNumberIndex));
    return { ok: true };
  }

  const audit = {
    actorType: "person" as const,
    actorId: session.personId,
    regionCode: session.regionCode,
  };
  await db.$transaction(async (tx) => {
    await writeAudit(tx, ctx, {
      ...audit,
      action,
      outcome: "failure",
      details: { reason: "wrong-password", failedLogins: attempt.failedLogins },
    });
    if (attempt.lockedNow) {
      const ended = await revokeSessionsOf(tx, session.personId, "lockout", undefined, now);
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.lockout",
        outcome: "success",
        details: { until: attempt.lockedUntil!.toISOString(), sessionsEnded: ended },
      });
    }
  });
  if (attempt.lockedUntil) return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  return { ok: false, message: `密码不正确，还可尝试 ${triesLeft(attempt, securityConfig())} 次` };
}
