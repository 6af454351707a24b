import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { decryptField } from "@/lib/crypto/field-cipher";
import { hashPassword } from "@/lib/crypto/password-hash";
import { fieldRefusal, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { lockPersonRow } from "@/lib/person/locks";
import { idNumberIndex } from "./identifier";
import { clearLoginFailures } from "./login-throttle";
import { reauthenticate } from "./reauthenticate";
import { newPasswordProblem } from "./common-passwords";
import { revokeSessionsOf, type SessionPerson } from "./session-service";
import { verifySmsCode } from "./sms-code-service";

export type ResetPasswordResult = { ok: true } | Refusal<"sms-code" | "mismatch" | "password-weak">;
export type ChangePasswordResult =
  { ok: true } | Refusal<"reauth" | "same-password" | "password-weak">;

// One message for "no such account" and "not this account's phone": it must not tell which.
export const RESET_MISMATCH = "证件号码与注册手机号码不匹配";

/** Whether 找回密码 may deliver a code to this phone: only to the account's registered phone. */
export async function phoneMatchesAccount(
  db: Pick<Db, "person">,
  idNumber: string,
  phone: string,
): Promise<boolean> {
  const person = await db.person.findUnique({
    where: { idNumberIndex: idNumberIndex(idNumber) },
    select: { phone: true },
  });
  return person?.phone === phone;
}

/** 找回密码: 证件号码 + registered phone + SMS code → new password; unlocks and ends all sessions. */
export async function resetPassword(
  db: Db,
  ctx: RequestContext,
  input: { idNumber: string; phone: string; smsCode: string; password: string },
  now = new Date(),
): Promise<ResetPasswordResult> {
  return refusableTransaction<ResetPasswordResult>(db, async (tx, refuse) => {
    // The code is checked first, and the same way, whether or not the account matches. Its
    // refusals are returned (committed: a wrong code counts a try); a password that breaks the
    // rules is refused (rolled back: it must not use up the code).
    const code = await verifySmsCode(
      tx,
      { phone: input.phone, purpose: "reset-password", code: input.smsCode },
      now,
    );
    if (!code.ok) return fieldRefusal("sms-code", "smsCode", code.message);
    // Read under the person's row lock: a 账号申诉 decision or 修改手机号 committing meanwhile
    // must not have its phone (or its voided password) overwritten by a code to the old phone.
    const person = await lockedAccount(tx, idNumberIndex(input.idNumber));
    if (!person || person.phone !== input.phone) {
      return fieldRefusal("mismatch", "phone", RESET_MISMATCH);
    }
    const problem = newPasswordProblem(input.password, {
      idNumber: decryptField(person.idNumberCipher),
      phone: person.phone,
    });
    if (problem) return refuse(fieldRefusal("password-weak", "password", problem));
    await tx.person.update({
      where: { id: person.id },
      data: {
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: now,
      },
    });
    await clearLoginFailures(tx, person.idNumberIndex);
    const ended = await revokeSessionsOf(tx, person.id, "password-reset", undefined, now);
    await writeAudit(tx, ctx, {
      actorType: "person",
      actorId: person.id,
      action: "auth.password-reset",
      outcome: "success",
      regionCode: person.regionCode,
      details: { sessionsEnded: ended },
    });
    return { ok: true };
  });
}

/** The account of the number, its row locked until the commit (lib/person/locks.ts). */
async function lockedAccount(tx: Tx, index: string) {
  const found = await tx.person.findUnique({
    where: { idNumberIndex: index },
    select: { id: true },
  });
  if (!found) return null;
  await lockPersonRow(tx, found.id);
  return tx.person.findUniqueOrThrow({
    where: { id: found.id },
    select: { id: true, phone: true, idNumberCipher: true, idNumberIndex: true, regionCode: true },
  });
}

/** 修改密码: the current password again; every other session of the person ends. */
export async function changePassword(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const check = await reauthenticate(
    db,
    ctx,
    session,
    input.currentPassword,
    "auth.password-change",
    now,
  );
  if (!check.ok) return fieldRefusal("reauth", "currentPassword", check.message);
  const person = await db.person.findUniqueOrThrow({
    where: { id: session.personId },
    select: { idNumberCipher: true, phone: true },
  });
  if (input.currentPassword === input.newPassword)
    return fieldRefusal("same-password", "newPassword", "新密码不能与当前密码相同");
  const problem = newPasswordProblem(input.newPassword, {
    idNumber: decryptField(person.idNumberCipher),
    phone: person.phone,
  });
  if (problem) return fieldRefusal("password-weak", "newPassword", problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.person.update({
      where: { id: session.personId },
      data: { passwordHash, passwordChangedAt: now },
    });
    const ended = await revokeSessionsOf(
      tx,
      session.personId,
      "password-change",
      session.sessionId,
      now,
    );
    await writeAudit(tx, ctx, {
      actorType: "person",
      actorId: session.personId,
      action: "auth.password-change",
      outcome: "success",
      regionCode: session.regionCode,
      details: { otherSessionsEnded: ended },
    });
  });
  return { ok: true };
}
