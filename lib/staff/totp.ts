import "server-only";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

// TOTP (RFC 6238) for the staff second factor, as every authenticator app computes it: SHA-1,
// 30-second steps, 6 digits. A code is accepted one step early or late (clock drift between a
// phone and the server), and each time step at most once per account (the caller stores the
// accepted step and passes it back as lastStep).

export const TOTP_PERIOD_SECONDS = 30;
/** ±1 step: otplib's tolerance is in seconds either side of now. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const TOTP_ISSUER = "会计人员信息服务平台";

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The time step `now` falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for the step `now` falls in (tests and the demo's own check). */
export function totpCode(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * Checks a 6-digit code against the secret at `now`. A code of a step at or before `lastStep`
 * (the last one this account had accepted) is "replayed": seen by someone before, refused even
 * though it is still inside its window.
 */
export function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now: Date,
): TotpCheck {
  // otplib throws on anything but digits of the right length: that is simply a wrong code.
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "wrong" };
  const r = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  if (!r.valid || !("timeStep" in r)) return { ok: false, reason: "wrong" };
  if (lastStep !== null && r.timeStep <= lastStep) return { ok: false, reason: "replayed" };
  return { ok: true, step: r.timeStep };
}
