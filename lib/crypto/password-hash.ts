import "server-only";
import { hash, parseOptions, verify } from "@node-rs/argon2";

// argon2id at the OWASP minimum (Password Storage Cheat Sheet): m = 19 MiB, t = 2, p = 1.
// ≈ 20–40 ms per hash on a server core; the login rate limits keep the total bounded.
const OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id: the const enum cannot be imported under isolatedModules
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** Far above the 64-character policy; refuses megabyte inputs before any hashing work. */
const MAX_INPUT_LENGTH = 1024;

// NFKC so the same password typed with a full-width IME (Ａｂｃ１) or half-width matches.
function prepare(password: string): string {
  return password.normalize("NFKC");
}

/** PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_INPUT_LENGTH) throw new Error("password too long to hash");
  return hash(prepare(password), OPTIONS);
}

/**
 * Argument order as in @node-rs/argon2's verify: stored hash first.
 * False for a wrong password and for a malformed stored hash alike; never throws. An account with
 * no password yet ("": 历史档案导入, set through 找回密码) costs a full hash like any other, so the
 * time of a refusal never tells which numbers were imported.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (storedHash === "") return verifyAgainstDummy(password);
  if (password.length > MAX_INPUT_LENGTH) return false;
  try {
    return await verify(storedHash, prepare(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real verification when the account does not exist, so response
 * times do not reveal which ID numbers or phones are registered. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("kuaiji-dummy-password", OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when the stored hash used other parameters than today's: rehash after a good login. */
export function needsRehash(storedHash: string): boolean {
  try {
    const o = parseOptions(storedHash);
    return (
      o.algorithm !== OPTIONS.algorithm ||
      o.memoryCost !== OPTIONS.memoryCost ||
      o.timeCost !== OPTIONS.timeCost ||
      o.parallelism !== OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
