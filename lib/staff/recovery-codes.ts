import "server-only";
import { randomInt } from "node:crypto";
import { hashSecret } from "@/lib/crypto/secret-hash";
import { RECOVERY_ALPHABET, RECOVERY_CODE_LENGTH } from "./second-factor-code";

// Recovery codes replace the authenticator when the phone is lost: ten per enrolment, shown once,
// stored as keyed hashes bound to the account (a database read hands out no usable code, and a
// code of one account is nothing for another).

export const RECOVERY_CODE_COUNT = 10;

/** Ten distinct codes in their normal form (no dash; formatRecoveryCode shows them). */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let code = "";
    for (let i = 0; i < RECOVERY_CODE_LENGTH; i++)
      code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(code);
  }
  return [...codes];
}

/** The stored form of a normalised code (readSecondFactorCode) of one staff member. */
export function recoveryCodeHash(staffId: string, code: string, key?: Buffer): string {
  return hashSecret("staff-recovery", `${staffId}:${code}`, key);
}
