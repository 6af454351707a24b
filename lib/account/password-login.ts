import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { type ActorType, writeAudit, type RequestContext } from "@/lib/audit/audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/crypto/password-hash";
import { budget, take } from "@/lib/limits/budget";
import { CAPTCHA_WRONG, consumeCaptcha } from "./captcha-service";
import { clientKeys } from "./client-network";
import {
  captchaFirst,
  clientLimitMessage,
  releaseClientAttempt,
  reserveClientAttempt,
} from "./client-throttle";
import { isLocked, type LoginState, lockedMessage, triesLeft } from "./lockout-rules";
import { clearLoginFailures, loginState, reserveLoginAttempt } from "./login-throttle";
import { securityConfig } from "./security-config";

export type LoginFailureCode = "invalid" | "locked" | "captcha" | "throttled";
export type PasswordLoginResult =
  | { ok: true; accountId: string; opened: string }
  | { ok: false; code: LoginFailureCode; message: string; captchaRequired: boolean };

export interface LoginAccount {
  id: string;
  passwordHash: string;
  regionCode: string;
}

export interface PasswordLoginSpec<A extends LoginAccount> {
  /** The LoginThrottle key: a blind index of what was typed as the login name. */
  throttleKey: string;
  /** The account that name identifies, or null (unknown, or closed). */
  account: A | null;
  actorType: Extract<ActorType, "person" | "staff">;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
  /** "证件号码或密码错误": names what was typed, never says which of the two was wrong. */
  invalidMessage: string;
  /** What a locked-out user can do instead ("或通过“找回密码”重置密码"). */
  lockedHint: string;
  /**
   * The audit action of a right password: auth.login when it opens the session; a staff member's
   * is auth.password, since only the second factor logs them in (auth.login at completeSignIn).
   */
  successAction?: "auth.login" | "auth.password";
  /**
   * After the password is verified: the slow work (argon2 rehash) runs here, outside any
   * transaction — PGlite runs one at a time — and the returned step runs inside the success
   * transaction: store what was refreshed, open what the login leads to (an accountant's session,
   * a staff member's sign-in awaiting the second factor) and return what the caller gets
   * (`opened`) and what the audit row may record of it (an id, never a token).
   */
  open: (
    account: A,
  ) => Promise<(tx: Tx) => Promise<{ opened: string; details: Record<string, string> }>>;
}

/** A login now needs the graphic captcha: the name failed lately, or the client (captchaFirst). */
async function captchaRequired(db: Db, ctx: RequestContext, state: LoginState): Promise<boolean> {
  return state.failedLogins > 0 || (await captchaFirst(db, ctx));
}

/**
 * Would a login with this name be asked for the captcha now? The form asks when the name is
 * typed, so the captcha is there before the first 登录 instead of refusing it. The answer is the
 * one a login without a captcha gives ("请输入图形验证码"): it depends on the name's failures and
 * the client, never on whether an account exists. Anyone may ask, so each address has a budget,
 * as for captcha pictures; past it the answer is yes — a captcha given is checked and never
 * harms a login, and the refusal tells nothing about the name.
 */
export async function loginNeedsCaptcha(
  db: Db,
  ctx: RequestContext,
  throttleKey: string,
): Promise<boolean> {
  const limiter = budget(db, "captcha-ask-ip", securityConfig().captchaPerAddress, 15 * 60);
  const allowed = await take(limiter, clientKeys(ctx.ip).address);
  if (!allowed.ok) return true;
  return captchaRequired(db, ctx, await loginState(db, throttleKey));
}

/**
 * The one password login, for accountants (证件号码) and finance staff (登录名) alike. Every answer
 * — tries left, the captcha after a failure, the lock — depends only on the name typed
 * (LoginThrottle) and the client (lib/account/client-throttle.ts), and a password is hashed even
 * for a name with no account, so neither the words nor the timing tell whether one exists.
 *
 * The attempt is counted before its password is checked — against the client's budgets, then as
 * a failure of the name (reserveLoginAttempt) — and given back when it turns out right: however
 * many arrive at once, at most the lock threshold per name and the client limit per address are
 * ever hashed.
 */
export async function passwordLogin<A extends LoginAccount>(
  db: Db,
  ctx: RequestContext,
  spec: PasswordLoginSpec<A>,
  now = new Date(),
): Promise<PasswordLoginResult> {
  const config = securityConfig();
  const { account } = spec;
  const audit = account
    ? {
        actorType: spec.actorType,
        actorId: account.id,
        regionCode: account.regionCode,
        targetType: spec.actorType,
        targetId: account.id,
      }
    : { actorType: "anonymous" as const, details: { as: spec.actorType } };
  const denied = (reason: string) =>
    db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        ...audit,
        action: "auth.login",
        outcome: "denied",
        details: { as: spec.actorType, reason },
      }),
    );
  const locked = (until: Date) => ({
    ok: false as const,
    code: "locked" as const,
    message: lockedMessage(until, spec.lockedHint),
    captchaRequired: true,
  });

  const state = await loginState(db, spec.throttleKey);
  if (isLocked(state, now)) {
    await denied("locked");
    return locked(state.lockedUntil!);
  }
  const hasCaptcha = Boolean(spec.captchaId && spec.captchaAnswer);
  if (hasCaptcha || (await captchaRequired(db, ctx, state))) {
    if (!hasCaptcha)
      return { ok: false, code: "captcha", message: "请输入图形验证码", captchaRequired: true };
    if (!(await consumeCaptcha(db, spec.captchaId!, spec.captchaAnswer!, now))) {
      return { ok: false, code: "captcha", message: CAPTCHA_WRONG, captchaRequired: true };
    }
  }

  const client = await reserveClientAttempt(db, ctx);
  if (!client.ok) {
    await denied("client-limit");
    return {
      ok: false,
      code: "throttled",
      message: clientLimitMessage(client.retryAfterMs),
      captchaRequired: true,
    };
  }
  const attempt = await reserveLoginAttempt(db, spec.throttleKey, now);
  if (!attempt.ok) {
    // a parallel attempt set the lock between the read above and this one
    await releaseClientAttempt(db, ctx);
    await denied("locked");
    return locked(attempt.lockedUntil);
  }
  const passwordOk = account
    ? await verifyPassword(account.passwordHash, spec.password)
    : await verifyAgainstDummy(spec.password);

  if (!account || !passwordOk) {
    await db.$transaction(async (tx) => {
      const reason = account ? "wrong-password" : "unknown-account";
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.login",
        outcome: "failure",
        details: { as: spec.actorType, reason, failedLogins: attempt.failedLogins },
      });
      if (attempt.lockedNow) {
        await writeAudit(tx, ctx, {
          ...audit,
          action: "auth.lockout",
          outcome: "success",
          details: { as: spec.actorType, until: attempt.lockedUntil!.toISOString() },
        });
      }
    });
    if (attempt.lockedUntil) return locked(attempt.lockedUntil);
    return {
      ok: false,
      code: "invalid",
      message: `${spec.invalidMessage}，还可尝试 ${triesLeft(attempt, config)} 次`,
      captchaRequired: true,
    };
  }

  await releaseClientAttempt(db, ctx);
  const openLogin = await spec.open(account);
  const opened = await db.$transaction(async (tx) => {
    await clearLoginFailures(tx, spec.throttleKey);
    const r = await openLogin(tx);
    await writeAudit(tx, ctx, {
      ...audit,
      action: spec.successAction ?? "auth.login",
      outcome: "success",
      details: { as: spec.actorType, ...r.details },
    });
    return r.opened;
  });
  return { ok: true, accountId: account.id, opened };
}
