// What a staff member types at the second factor: a 6-digit TOTP code, or one of their recovery
// codes ("k7m2q-x9vbn"). Pure and client-safe: the form and the service read a code the same way.

/** Recovery-code letters: digits and lower-case letters without the look-alikes 0/o, 1/l/i. */
export const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
/** 10 characters of 31: about 49 bits, and the stored form is a keyed hash (secret-hash.ts). */
export const RECOVERY_CODE_LENGTH = 10;

export type SecondFactorCode =
  { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid" };

/**
 * Spaces and dashes are how codes are shown and copied ("123 456", "k7m2q-x9vbn"); case does not
 * matter, nor full-width digits and letters (what a Chinese input method types: NFKC makes them
 * ASCII). A recovery code comes back in its normal form, without the dash.
 */
export function readSecondFactorCode(raw: string): SecondFactorCode {
  const compact = raw.normalize("NFKC").replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  const recovery = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);
  if (recovery.test(compact)) return { kind: "recovery", code: compact };
  return { kind: "invalid" };
}

/** "k7m2qx9vbn" → "k7m2q-x9vbn": how a recovery code is shown and downloaded. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
