import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getOtpKey, hmacSm3 } from "@/lib/crypto/keys";

// Short-lived secrets (SMS codes, captcha answers) are stored as keyed hashes, so a database
// read does not hand out valid codes. A keyed hash rather than argon2: a 6-digit code has only
// 10^6 values, so only the secret key protects it; a slow hash would not.

const PURPOSE = /^[a-z][a-z0-9_-]*$/; // no ":", so "purpose:value" cannot be read two ways

/**
 * HMAC-SM3(otp key, purpose + ":" + value), 64 hex characters. Put everything the secret is
 * bound to into the value, e.g. hashSecret("sms-register", `${phone}:${code}`).
 */
export function hashSecret(purpose: string, value: string, key: Buffer = getOtpKey()): string {
  if (!PURPOSE.test(purpose)) throw new Error(`hashSecret: invalid purpose "${purpose}"`);
  return hmacSm3(key, `${purpose}:${value}`).toString("hex");
}

/** Constant-time comparison of two hashes (or any two strings of public length). */
export function secretEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
