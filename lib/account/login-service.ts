import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { decryptField, encryptField, needsReencryption } from "@/lib/crypto/field-cipher";
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from "@/lib/crypto/password-hash";
import { CAPTCHA_WRONG, consumeCaptcha } from "./captcha-service";
import { idNumberIndex } from "./identifier";
import { isLocked, lockedMessage, triesLeft } from "./lockout-rules";
import { clearLoginFailures, loginState, recordLoginFailure } from "./login-throttle";
import { securityConfig } from "./security-config";
import { createSession } from "./session-service";

export interface LoginInput {
  idNumber: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

export type LoginFailureCode = "invalid" | "locked" | "captcha";
export type LoginResult =
  | { ok: true; personId: string; sessionId: string }
  | { ok: false; code: LoginFailureCode; message: string; captchaRequired: boolean };

const INVALID = "证件号码或密码错误";

/**
 * 登录 with 证件号码 + 密码. Every answer — tries left, the captcha after a failure, the lock —
 * depends only on the number typed (LoginThrottle), and the password hash is always computed,
 * so neither the words nor the timing tell whether the number is registered.
 */
export async function authenticate(
  db: Db,
  ctx: RequestContext,
  input: LoginInput,
  now = new Date(),
): Promise<LoginResult> {
  const config = securityConfig();
  const index = idNumberIndex(input.idNumber);
  const [state, person] = await Promise.all([
    loginState(db, index),
    db.person.findUnique({
      where: { idNumberIndex: index },
      select: { id: true, passwordHash: true, idNumberCipher: true, regionCode: true },
    }),
  ]);
  const passwordOk = person
    ? await verifyPassword(person.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const audit = person
    ? {
        actorType: "person" as const,
        actorId: person.id,
        regionCode: person.regionCode,
        targetType: "person",
        targetId: person.id,
      }
    : { actorType: "anonymous" as const };

  if (isLocked(state, now)) {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        ...audit,
        action: "auth.login",
        outcome: "denied",
        details: { reason: "locked" },
      }),
    );
    return {
      ok: false,
      code: "locked",
      message: lockedMessage(state.lockedUntil!),
      captchaRequired: true,
    };
  }
  const hasCaptcha = Boolean(input.captchaId && input.captchaAnswer);
  if (state.failedLogins > 0 || hasCaptcha) {
    if (!hasCaptcha)
      return { ok: false, code: "captcha", message: "请输入图形验证码", captchaRequired: true };
    if (!(await consumeCaptcha(db, input.captchaId!, input.captchaAnswer!, now))) {
      return { ok: false, code: "captcha", message: CAPTCHA_WRONG, captchaRequired: true };
    }
  }

  if (!person || !passwordOk) {
    const next = await db.$transaction(async (tx) => {
      const after = await recordLoginFailure(tx, index, now);
      const reason = person ? "wrong-password" : "unknown-account";
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.login",
        outcome: "failure",
        details: { reason, failedLogins: after.failedLogins },
      });
      if (after.lockedNow) {
        await writeAudit(tx, ctx, {
          ...audit,
          action: "auth.lockout",
          outcome: "success",
          details: { until: after.lockedUntil!.toISOString() },
        });
      }
      return after;
    });
    if (next.lockedUntil)
      return {
        ok: false,
        code: "locked",
        message: lockedMessage(next.lockedUntil),
        captchaRequired: true,
      };
    return {
      ok: false,
      code: "invalid",
      message: `${INVALID}，还可尝试 ${triesLeft(next, config)} 次`,
      captchaRequired: true,
    };
  }

  // The one moment the password is known: bring old hashes up to today's argon2 parameters and
  // old ciphertexts to the current key, so rotations complete as people log in.
  const refreshed = {
    ...(needsRehash(person.passwordHash)
      ? { passwordHash: await hashPassword(input.password) }
      : {}),
    ...(needsReencryption(person.idNumberCipher)
      ? { idNumberCipher: encryptField(decryptField(person.idNumberCipher)) }
      : {}),
  };
  const sessionId = await db.$transaction(async (tx) => {
    await clearLoginFailures(tx, index);
    if (Object.keys(refreshed).length > 0)
      await tx.person.update({ where: { id: person.id }, data: refreshed });
    const id = await createSession(tx, person.id, ctx, now);
    await writeAudit(tx, ctx, {
      ...audit,
      action: "auth.login",
      outcome: "success",
      details: { sessionId: id },
    });
    return id;
  });
  return { ok: true, personId: person.id, sessionId };
}
