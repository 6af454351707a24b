import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { fieldRefusal, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { lockPersonRow } from "@/lib/person/locks";
import { maskPhone } from "@/lib/phone/mask";
import { notifyPhoneChanged } from "./account-notice";
import { reauthenticate } from "./reauthenticate";
import { PHONE_TAKEN } from "./register-service";
import { revokeSessionsOf, type SessionPerson } from "./session-service";
import { verifySmsCode } from "./sms-code-service";

export type ChangePhoneResult =
  | { ok: true }
  | Refusal<"reauth" | "same-phone" | "sms-code" | "phone-taken" | "session-ended" | "stale">;

export const SESSION_ENDED = "登录已失效，请重新登录";
export const PHONE_CHANGED_MEANWHILE = "账号的手机号码刚刚已变更，请刷新页面后重试";

/**
 * 更换手机号: the password again and a code sent to the new number. Every other session ends (a
 * session stolen before the change must not outlive it) and the old number is told.
 */
export async function changePhone(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: { password: string; newPhone: string; smsCode: string },
  now = new Date(),
): Promise<ChangePhoneResult> {
  const check = await reauthenticate(db, ctx, session, input.password, "auth.phone-change", now);
  if (!check.ok) return fieldRefusal("reauth", "password", check.message);
  const person = await db.person.findUniqueOrThrow({
    where: { id: session.personId },
    select: { phone: true },
  });
  const audit = {
    actorType: "person" as const,
    actorId: session.personId,
    action: "auth.phone-change" as const,
    regionCode: session.regionCode,
  };
  if (input.newPhone === person.phone)
    return fieldRefusal("same-phone", "newPhone", "新手机号码与当前手机号码相同");
  const result = await refusableTransaction<ChangePhoneResult>(
    db,
    async (tx, refuse) => {
      const code = await verifySmsCode(
        tx,
        { phone: input.newPhone, purpose: "change-phone", code: input.smsCode },
        now,
      );
      // Returned, not refused: a wrong code's counted try must be committed.
      if (!code.ok) return fieldRefusal("sms-code", "smsCode", code.message);
      // Under the person's row lock: a 账号申诉 decision that moved the account and ended its
      // sessions after the checks above must not be undone by this change.
      await lockPersonRow(tx, session.personId);
      const [current, live] = await Promise.all([
        tx.person.findUniqueOrThrow({ where: { id: session.personId }, select: { phone: true } }),
        tx.authSession.count({
          where: { id: session.sessionId, revokedAt: null, expiresAt: { gt: now } },
        }),
      ]);
      if (live !== 1) return refuse({ ok: false, reason: "session-ended", message: SESSION_ENDED });
      if (current.phone !== person.phone) {
        return refuse({ ok: false, reason: "stale", message: PHONE_CHANGED_MEANWHILE });
      }
      await tx.person.update({ where: { id: session.personId }, data: { phone: input.newPhone } });
      const ended = await revokeSessionsOf(
        tx,
        session.personId,
        "phone-change",
        session.sessionId,
        now,
      );
      await writeAudit(tx, ctx, {
        ...audit,
        outcome: "success",
        details: {
          from: maskPhone(person.phone),
          to: maskPhone(input.newPhone),
          sessionsEnded: ended,
        },
      });
      return { ok: true };
    },
    {
      onUniqueViolation: () => fieldRefusal("phone-taken", "newPhone", PHONE_TAKEN),
      uniqueOn: "phone",
    },
  );
  if (result.ok) await notifyPhoneChanged(person.phone, maskPhone(input.newPhone));
  return result;
}
