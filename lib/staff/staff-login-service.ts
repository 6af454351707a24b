import "server-only";
import type { Db } from "@/lib/db/client";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { blindIndex } from "@/lib/crypto/blind-index";
import { hashPassword, needsRehash } from "@/lib/crypto/password-hash";
import {
  loginNeedsCaptcha,
  passwordLogin,
  type PasswordLoginResult,
} from "@/lib/account/password-login";
import { CONSOLE_NETWORK_REFUSED, consoleReachableFrom } from "./console-network";
import { loadSignIn, openSignIn } from "./sign-in-store";
import type { SignInStep } from "./sign-in-steps";
import { normalizeUsername } from "./staff-fields";

export interface StaffLoginInput {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

/** LoginThrottle key of a 登录名: its own blind-index kind, so it never meets a 证件号码's. */
export function staffThrottleKey(username: string): string {
  return blindIndex("staff-login", normalizeUsername(username));
}

/**
 * LoginThrottle key of an account's second factor. Its own count: a right password clears the
 * password's count, and must not clear the codes' — or whoever has the password could guess
 * codes for ever, four at a time. Only a right code (or an administrator's reset) clears it.
 */
export function staffSecondFactorKey(staffId: string): string {
  return blindIndex("staff-2fa", staffId);
}

/** The password is right: the sign-in's token (for the browser's cookie) and its next step. */
export type StaffPasswordResult =
  | { ok: true; staffId: string; token: string; step: SignInStep }
  | Exclude<PasswordLoginResult, { ok: true }>;

/**
 * 财政部门登录, first step: 登录名 + 密码 by the accountants' rules (passwordLogin) — same lock,
 * captcha and answers for unknown names; a closed account answers exactly as an unknown one.
 * It opens no session: only a sign-in (StaffSignIn) that the second factor — and, on a first
 * login, the password change and the enrolment — must complete (sign-in-service.ts).
 */
export async function authenticateStaff(
  db: Db,
  ctx: RequestContext,
  input: StaffLoginInput,
  now = new Date(),
): Promise<StaffPasswordResult> {
  // Outside the configured networks nothing is checked: not even whether the name exists.
  if (!consoleReachableFrom(ctx.ip)) {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        actorType: "anonymous",
        action: "auth.login",
        outcome: "denied",
        details: { as: "staff", reason: "network" },
      }),
    );
    return { ok: false, code: "invalid", message: CONSOLE_NETWORK_REFUSED, captchaRequired: false };
  }
  const staff = await db.staff.findUnique({
    where: { username: normalizeUsername(input.username) },
    select: { id: true, passwordHash: true, regionCode: true, disabledAt: true },
  });
  const r = await passwordLogin(
    db,
    ctx,
    {
      throttleKey: staffThrottleKey(input.username),
      account: staff && !staff.disabledAt ? staff : null,
      actorType: "staff",
      successAction: "auth.password",
      password: input.password,
      captchaId: input.captchaId,
      captchaAnswer: input.captchaAnswer,
      invalidMessage: "登录名或密码错误",
      lockedHint: "或联系本单位平台管理员重置密码",
      async open(s) {
        const passwordHash = needsRehash(s.passwordHash)
          ? await hashPassword(input.password)
          : null;
        return async (tx) => {
          // Only over the hash just verified: a reset meanwhile must not revert.
          if (passwordHash) {
            await tx.staff.updateMany({
              where: { id: s.id, passwordHash: s.passwordHash },
              data: { passwordHash },
            });
          }
          const signIn = await openSignIn(tx, s.id, ctx, now);
          return { opened: signIn.token, details: { step: "password", signInId: signIn.id } };
        };
      },
    },
    now,
  );
  if (!r.ok) return r;
  const pending = await loadSignIn(db, ctx, r.opened, now);
  if (!pending) throw new Error("a sign-in just opened cannot be read");
  return { ok: true, staffId: r.accountId, token: r.opened, step: pending.step };
}

/**
 * Whether 财政部门登录 with this 登录名 would ask for the graphic captcha now (loginNeedsCaptcha).
 * Outside the console's networks nothing is looked at, as for the login itself.
 */
export async function staffCaptchaNeededFor(
  db: Db,
  ctx: RequestContext,
  username: string,
): Promise<boolean> {
  if (!consoleReachableFrom(ctx.ip)) return false;
  return loginNeedsCaptcha(db, ctx, staffThrottleKey(username));
}
