import "server-only";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { type AuditEntry, type RequestContext, writeAudit } from "@/lib/audit/audit";
import { decryptField } from "@/lib/crypto/field-cipher";
import { lockedMessage, triesLeft } from "@/lib/account/lockout-rules";
import {
  type AttemptReservation,
  clearLoginFailures,
  reserveLoginAttempt,
} from "@/lib/account/login-throttle";
import { securityConfig } from "@/lib/account/security-config";
import { recoveryCodeHash } from "./recovery-codes";
import { readSecondFactorCode } from "./second-factor-code";
import { CODE_FORMAT } from "./schemas/sign-in";
import { advanceSignIn, loadSignIn, type PendingSignIn } from "./sign-in-store";
import { nextSignInStep, type SignInStep } from "./sign-in-steps";
import { staffSecondFactorKey } from "./staff-login-service";
import { checkTotp } from "./totp";

// The second factor of a staff sign-in: a TOTP code from the enrolled authenticator, or one of
// the recovery codes. Every try counts against the account's login lock (LoginThrottle, shared
// with the password) and is reserved before the code is checked, so parallel guesses cannot
// outrun the lock; a right code clears the count, exactly as a right password does.

export const SIGN_IN_EXPIRED = "登录已超时，请重新输入登录名和密码";
export const CODE_REPLAYED = "该动态验证码已使用过，请等待验证器显示下一个验证码后输入";
const LOCKED_HINT = "或联系本单位平台管理员";

export type SignInRefusal = Refusal<"expired" | "invalid" | "locked" | "wrong" | "replayed">;

export function signInExpired(): SignInRefusal {
  return { ok: false, reason: "expired", message: SIGN_IN_EXPIRED };
}

/** Who the audit rows of a sign-in are about: the staff member, acting on their own account. */
export function signInAudit(p: PendingSignIn) {
  return {
    actorType: "staff" as const,
    actorId: p.staffId,
    regionCode: p.regionCode,
    targetType: "staff",
    targetId: p.staffId,
  };
}

/** The field answer for a try the lock refuses, or that is refused and counted. */
function lockedRefusal(until: Date): SignInRefusal {
  return fieldRefusal("locked", "code", lockedMessage(until, LOCKED_HINT, "验证码"));
}

/**
 * Reserves the try (counted as failed until proven right); null means it may be checked, else
 * the refusal of a locked account (audited as denied).
 */
export async function reserveCodeAttempt(
  db: Db,
  ctx: RequestContext,
  p: PendingSignIn,
  now: Date,
): Promise<{ ok: true; reservation: AttemptReservation & { ok: true } } | SignInRefusal> {
  const reservation = await reserveLoginAttempt(db, staffSecondFactorKey(p.staffId), now);
  if (reservation.ok) return { ok: true, reservation };
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      ...signInAudit(p),
      action: "auth.second-factor",
      outcome: "denied",
      details: { step: p.step, reason: "locked" },
    }),
  );
  return lockedRefusal(reservation.lockedUntil);
}

/** A wrong (or replayed) code: audited with the count, and the lock if this try set it. */
export async function refuseCode(
  db: Db,
  ctx: RequestContext,
  p: PendingSignIn,
  reservation: AttemptReservation & { ok: true },
  reason: "wrong" | "replayed",
  message: string,
): Promise<SignInRefusal> {
  await db.$transaction(async (tx) => {
    const entries: AuditEntry[] = [
      {
        ...signInAudit(p),
        action: "auth.second-factor",
        outcome: "failure",
        details: { step: p.step, reason, failedLogins: reservation.failedLogins },
      },
    ];
    if (reservation.lockedNow) {
      entries.push({
        ...signInAudit(p),
        action: "auth.lockout",
        outcome: "success",
        details: { as: "staff", until: reservation.lockedUntil!.toISOString() },
      });
    }
    for (const e of entries) await writeAudit(tx, ctx, e);
  });
  if (reservation.lockedNow) return lockedRefusal(reservation.lockedUntil!);
  const left = triesLeft(
    { failedLogins: reservation.failedLogins, lockedUntil: null },
    securityConfig(),
  );
  return fieldRefusal(reason, "code", `${message}，还可尝试 ${left} 次`);
}

export type VerifyResult =
  { ok: true; step: SignInStep; recoveryCodesLeft: number | null } | SignInRefusal;

/**
 * 动态验证码 at sign-in. A TOTP code is accepted once: the accepted time step is stored with a
 * guard (`totpLastStep < step`), so of two requests with the same code only one wins. A recovery
 * code is marked used by one guarded statement likewise, and the answer says how many are left.
 */
export async function verifySecondFactor(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  input: { code: string },
  now = new Date(),
): Promise<VerifyResult> {
  const p = await loadSignIn(db, ctx, token, now);
  if (!p || p.step !== "second-factor" || !p.totpSecret) return signInExpired();
  const code = readSecondFactorCode(input.code);
  if (code.kind === "invalid") return fieldRefusal("invalid", "code", CODE_FORMAT);
  const reserved = await reserveCodeAttempt(db, ctx, p, now);
  if (!reserved.ok) return reserved;
  const { reservation } = reserved;

  let totpStep: number | null = null;
  if (code.kind === "totp") {
    const check = checkTotp(decryptField(p.totpSecret), code.code, p.totpLastStep, now);
    if (!check.ok) {
      const message = check.reason === "replayed" ? CODE_REPLAYED : "动态验证码错误";
      return refuseCode(db, ctx, p, reservation, check.reason, message);
    }
    totpStep = check.step;
  }
  const lost = code.kind === "totp" ? CODE_REPLAYED : "恢复码错误或已使用";
  const r = await refusableTransaction<VerifyResult | { ok: false; reason: "lost" }>(
    db,
    async (tx, refuse) => {
      let recoveryCodesLeft: number | null = null;
      if (totpStep !== null) {
        // The same code in a parallel request, or a later step already used: only one wins.
        const claimed = await tx.staff.updateMany({
          where: {
            id: p.staffId,
            OR: [{ totpLastStep: null }, { totpLastStep: { lt: totpStep } }],
          },
          data: { totpLastStep: totpStep },
        });
        if (claimed.count !== 1) refuse({ ok: false, reason: "lost" });
      } else {
        const used = await tx.staffRecoveryCode.updateMany({
          where: {
            staffId: p.staffId,
            codeHash: recoveryCodeHash(p.staffId, code.code),
            usedAt: null,
          },
          data: { usedAt: now },
        });
        if (used.count !== 1) refuse({ ok: false, reason: "lost" });
        recoveryCodesLeft = await tx.staffRecoveryCode.count({
          where: { staffId: p.staffId, usedAt: null },
        });
      }
      if (!(await advanceSignIn(tx, p.id, now, { factorVerifiedAt: now }))) refuse(signInExpired());
      await clearLoginFailures(tx, staffSecondFactorKey(p.staffId));
      const method = totpStep !== null ? "totp" : "recovery-code";
      await writeAudit(tx, ctx, {
        ...signInAudit(p),
        action: "auth.second-factor",
        outcome: "success",
        details: { step: p.step, method, signInId: p.id },
      });
      if (recoveryCodesLeft !== null) {
        await writeAudit(tx, ctx, {
          ...signInAudit(p),
          action: "auth.recovery-code",
          outcome: "success",
          details: { remaining: recoveryCodesLeft, signInId: p.id },
        });
      }
      const step = nextSignInStep({ ...p.facts, factorVerified: true });
      return { ok: true as const, step, recoveryCodesLeft };
    },
  );
  if (r.ok || r.reason !== "lost") return r as VerifyResult;
  return refuseCode(db, ctx, p, reservation, totpStep !== null ? "replayed" : "wrong", lost);
}
