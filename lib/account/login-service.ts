import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { decryptField, encryptField, needsReencryption } from "@/lib/crypto/field-cipher";
import { hashPassword, needsRehash } from "@/lib/crypto/password-hash";
import { idNumberIndex } from "./identifier";
import { loginNeedsCaptcha, passwordLogin, type PasswordLoginResult } from "./password-login";
import { createSession } from "./session-service";

export interface LoginInput {
  idNumber: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

export type LoginResult =
  { ok: true; personId: string; sessionId: string } | Exclude<PasswordLoginResult, { ok: true }>;

/** 登录 of an accountant with 证件号码 + 密码 (the rules are passwordLogin's). */
export async function authenticate(
  db: Db,
  ctx: RequestContext,
  input: LoginInput,
  now = new Date(),
): Promise<LoginResult> {
  const throttleKey = idNumberIndex(input.idNumber);
  const person = await db.person.findUnique({
    where: { idNumberIndex: throttleKey },
    select: { id: true, passwordHash: true, idNumberCipher: true, regionCode: true },
  });
  const result = await passwordLogin(
    db,
    ctx,
    {
      throttleKey,
      account: person,
      actorType: "person",
      password: input.password,
      captchaId: input.captchaId,
      captchaAnswer: input.captchaAnswer,
      invalidMessage: "证件号码或密码错误",
      lockedHint: "或通过“找回密码”重置密码",
      async open(p) {
        // The one moment the password is known: bring old hashes up to today's argon2
        // parameters and old ciphertexts to the current key, so rotations complete as people
        // log in.
        const refreshed = {
          ...(needsRehash(p.passwordHash)
            ? { passwordHash: await hashPassword(input.password) }
            : {}),
          ...(needsReencryption(p.idNumberCipher)
            ? { idNumberCipher: encryptField(decryptField(p.idNumberCipher)) }
            : {}),
        };
        return async (tx) => {
          // Only over the hash just verified: a password changed meanwhile must not revert.
          if (Object.keys(refreshed).length > 0)
            await tx.person.updateMany({
              where: { id: p.id, passwordHash: p.passwordHash },
              data: refreshed,
            });
          const sessionId = await createSession(tx, { personId: p.id }, ctx, now);
          return { opened: sessionId, details: { sessionId } };
        };
      },
    },
    now,
  );
  return result.ok ? { ok: true, personId: result.accountId, sessionId: result.opened } : result;
}

/** Whether 登录 with this 证件号码 would ask for the graphic captcha now (loginNeedsCaptcha). */
export function captchaNeededFor(db: Db, ctx: RequestContext, idNumber: string): Promise<boolean> {
  return loginNeedsCaptcha(db, ctx, idNumberIndex(idNumber));
}
