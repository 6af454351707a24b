import "server-only";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, refusableTransaction } from "@/lib/db/refusal";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { decryptField, encryptField } from "@/lib/crypto/field-cipher";
import { clearLoginFailures } from "@/lib/account/login-throttle";
import { qrDataUrl } from "./enrolment-qr";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { formatRecoveryCode, readSecondFactorCode } from "./second-factor-code";
import {
  refuseCode,
  reserveCodeAttempt,
  type SignInRefusal,
  signInAudit,
  signInExpired,
} from "./second-factor-service";
import { advanceSignIn, loadSignIn } from "./sign-in-store";
import { staffSecondFactorKey } from "./staff-login-service";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

// Enrolment of the second factor, on the first login (after the initial password is changed) and
// after an administrator reset it: a new secret shown as a QR code and as text, confirmed by the
// first code the authenticator shows; then ten recovery codes, shown this once.

export interface Enrolment {
  ok: true;
  /** Base32, for typing into an authenticator that cannot scan. */
  secret: string;
  qrDataUrl: string;
}

/**
 * The secret being enrolled in this sign-in: made on the first call and kept (encrypted) with the
 * sign-in, so a reload shows the same QR code the phone may already have scanned.
 */
export async function beginEnrolment(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  now = new Date(),
): Promise<Enrolment | SignInRefusal> {
  const p = await loadSignIn(db, ctx, token, now);
  if (!p || p.step !== "enrol") return signInExpired();
  let cipher = p.pendingSecret;
  if (!cipher) {
    const fresh = encryptField(newTotpSecret());
    // A parallel first call (two tabs) may have stored one already: keep that one.
    await db.staffSignIn.updateMany({
      where: { id: p.id, pendingSecret: null },
      data: { pendingSecret: fresh },
    });
    const row = await db.staffSignIn.findUniqueOrThrow({
      where: { id: p.id },
      select: { pendingSecret: true },
    });
    cipher = row.pendingSecret ?? fresh;
  }
  const secret = decryptField(cipher);
  return { ok: true, secret, qrDataUrl: await qrDataUrl(totpUri(secret, p.username)) };
}

export type EnrolResult = { ok: true; recoveryCodes: string[] } | SignInRefusal;

/**
 * The first code from the new authenticator: proves the phone has the secret, stores it as the
 * account's, and is this sign-in's second factor. Wrong codes count against the lock like any.
 */
export async function confirmEnrolment(
  db: Db,
  ctx: RequestContext,
  token: string | null,
  input: { code: string },
  now = new Date(),
): Promise<EnrolResult> {
  const p = await loadSignIn(db, ctx, token, now);
  if (!p || p.step !== "enrol" || !p.pendingSecret) return signInExpired();
  const code = readSecondFactorCode(input.code);
  if (code.kind !== "totp") return fieldRefusal("invalid", "code", "动态验证码为6位数字");
  const reserved = await reserveCodeAttempt(db, ctx, p, now);
  if (!reserved.ok) return reserved;
  const check = checkTotp(decryptField(p.pendingSecret), code.code, null, now);
  if (!check.ok) {
    return refuseCode(
      db,
      ctx,
      p,
      reserved.reservation,
      "wrong",
      "动态验证码错误，请核对验证器中的账号",
    );
  }
  const codes = newRecoveryCodes();
  const pendingSecret = p.pendingSecret;
  return refusableTransaction<EnrolResult>(db, async (tx, refuse) => {
    // Enrolled meanwhile (a second tab): that enrolment stands, this sign-in starts over.
    const enrolled = await tx.staff.updateMany({
      where: { id: p.staffId, totpEnrolledAt: null },
      data: { totpSecret: pendingSecret, totpEnrolledAt: now, totpLastStep: check.step },
    });
    if (enrolled.count !== 1) refuse(signInExpired());
    if (!(await advanceSignIn(tx, p.id, now, { factorVerifiedAt: now, pendingSecret: null })))
      refuse(signInExpired());
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: p.staffId } });
    await tx.staffRecoveryCode.createMany({
      data: codes.map((c) => ({
        staffId: p.staffId,
        codeHash: recoveryCodeHash(p.staffId, c),
        createdAt: now,
      })),
    });
    await clearLoginFailures(tx, staffSecondFactorKey(p.staffId));
    await writeAudit(tx, ctx, {
      ...signInAudit(p),
      action: "auth.totp-enrol",
      outcome: "success",
      details: { recoveryCodes: codes.length, signInId: p.id },
    });
    return { ok: true, recoveryCodes: codes.map(formatRecoveryCode) };
  });
}
