import { describe, expect, it } from "vitest";
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from "@/lib/crypto/password-hash";

describe("password hashing", () => {
  it("uses argon2id with the OWASP parameters and a random salt", async () => {
    const a = await hashPassword("Kuaiji#2025");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword("Kuaiji#2025")).not.toBe(a);
    expect(needsRehash(a)).toBe(false);
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("Kuaiji#2025");
    expect(await verifyPassword(stored, "Kuaiji#2025")).toBe(true);
    expect(await verifyPassword(stored, "kuaiji#2025")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("treats full-width input like half-width (NFKC)", async () => {
    const stored = await hashPassword("Kuaiji#2025");
    expect(await verifyPassword(stored, "Ｋｕａｉｊｉ＃２０２５")).toBe(true);
  });

  it("returns false instead of throwing on a malformed hash or huge input", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
    expect(await verifyPassword(await hashPassword("x"), "x".repeat(5000))).toBe(false);
    await expect(hashPassword("x".repeat(5000))).rejects.toThrow();
  });

  it("flags weaker or foreign hashes for rehashing", () => {
    expect(
      needsRehash(
        "$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$ZmFrZWhhc2hmYWtlaGFzaGZha2VoYXNoZmFrZWg",
      ),
    ).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });

  it("spends a verification on unknown accounts and always fails", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });

  it("spends a whole verification on an account with no password yet (an import)", async () => {
    const real = await hashPassword("Acc0unt!ng");
    await verifyPassword("", "warm-up");
    const time = async (stored: string) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) expect(await verifyPassword(stored, "Guess-2026!")).toBe(false);
      return performance.now() - t0;
    };
    const [none, some] = [await time(""), await time(real)];
    // a refusal that skipped the hash would take a thousandth of the time
    expect(none / some).toBeGreaterThan(0.3);
  });
});
