import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/crypto/secret-hash";
import { CODE_ALPHABET, CODE_LENGTH } from "./code-format";

// A new 核验码 and the hash it is stored under. 80 bits from the system's CSPRNG: with the
// lookup budget of lib/verification/verify-service.ts, guessing any one of a million issued
// codes would take longer than the platform will exist. Stored as a keyed hash (HMAC-SM3 under
// the OTP key, like SMS codes), so a database read hands out no working code.

/** 16 Crockford base32 characters from 10 random bytes. */
export function newCode(bytes: Buffer = randomBytes((CODE_LENGTH * 5) / 8)): string {
  let value = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    out = CODE_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** What the table keeps for a canonical code (normaliseCode's output). */
export function codeHash(canonical: string): string {
  return hashSecret("verification", canonical);
}

/**
 * What the audit log may keep of a code that was looked up: a short prefix of its hash — enough
 * to see that one code was tried again and again, nothing that gives the code back.
 */
export function codeTrace(canonical: string): string {
  return codeHash(canonical).slice(0, 12);
}
