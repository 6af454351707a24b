import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/crypto/password-hash";
import { CAPTCHA_WRONG, consumeCaptcha } from "./captcha-service";
import { idNumberIndex } from "./identifier";
import { afterFailure, isLocked, lockedMessage, triesLeft } from "./lockout-rules";
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
 * 登录 with 证件号码 + 密码. A captcha is required after any failure (the client shows it
 * from then on; the server insists once the account has a failure on record). Unknown
 * accounts get the same answers as wrong passwords.
 */
export async function authenticate(
  db: Db,
  ctx: RequestContext,
  input: LoginInput,
  now = new Date(),
): Promise<LoginResult> {
  const config = securityConfig();
  const hasCaptcha = Boolean(input.captchaId && input.captchaAnswer);
  const captchaOk = async () =>
    hasCaptcha && (await consumeCaptcha(db, input.captchaId!, input.captchaAnswer!, now));
  const person = input.idNumber
    ? await db.person.findUnique({
        where: { idNumberIndex: idNumberIndex(input.idNumber) },
        select: {
          id: true,
          passwordHash: true,
          failedLogins: true,
          lockedUntil: true,
          regionCode: true,
        },
      })
    : null;

  if (!person) {
    // Spend the time a real check takes, so response times do not tell who is registered.
    await verifyAgainstDummy(input.password);
    if (hasCaptcha && !(await captchaOk()))
      return { ok: false, code: "captcha", message: CAPTCHA_WRONG, captchaRequired: true };
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        actorType: "anonymous",
        action: "auth.login",
        outcome: "failure",
        details: { reason: "unknown-account" },
      }),
    );
    return { ok: false, code: "invalid", message: INVALID, captchaRequired: true };
  }

  const audit = {
    actorType: "person" as const,
    actorId: person.id,
    regionCode: person.regionCode,
    targetType: "person",
    targetId: person.id,
  };
  if (isLocked(person, now)) {
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
      message: lockedMessage(person.lockedUntil!),
      captchaRequired: true,
    };
  }
  if (person.failedLogins > 0 || hasCaptcha) {
    if (!(await captchaOk())) {
      return {
        ok: false,
        code: "captcha",
        message: hasCaptcha ? CAPTCHA_WRONG : "请输入图形验证码",
        captchaRequired: true,
      };
    }
  }

  if (!(await verifyPassword(person.passwordHash, input.password))) {
    const next = afterFailure(person, now, config);
    await db.$transaction(async (tx) => {
      await tx.person.update({
        where: { id: person.id },
        data: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
      });
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.login",
        outcome: "failure",
        details: { reason: "wrong-password", failedLogins: next.failedLogins },
      });
      if (next.lockedNow) {
        await writeAudit(tx, ctx, {
          ...audit,
          action: "auth.lockout",
          outcome: "success",
          details: { until: next.lockedUntil!.toISOString() },
        });
      }
    });
    if (next.lockedNow)
      return {
        ok: false,
        code: "locked",
        message: lockedMessage(next.lockedUntil!),
        captchaRequired: true,
      };
    return {
      ok: false,
      code: "invalid",
      message: `${INVALID}，还可尝试 ${triesLeft(next, config)} 次`,
      captchaRequired: true,
    };
  }

  const sessionId = await db.$transaction(async (tx) => {
    await tx.person.update({
      where: { id: person.id },
      data: { failedLogins: 0, lockedUntil: null },
    });
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
