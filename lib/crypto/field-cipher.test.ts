import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  FieldCipherError,
  needsReencryption,
} from "@/lib/crypto/field-cipher";
import { loadFieldKeyring } from "@/lib/crypto/keys";

const K1 = "0123456789abcdef".repeat(4);
const K0 = "fedcba9876543210".repeat(4);
const sm4 = loadFieldKeyring({ KUAIJI_ENC_KEY: K1 });
const gcm = loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_CIPHER: "aes-256-gcm" });
const ID = "11010519491231002X";

/** Flips one bit in the decoded bytes of part `index` of the envelope. */
function tamper(envelope: string, index: number): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[index] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe.each([
  ["sm4", sm4, 16, 32],
  ["aes-256-gcm", gcm, 12, 16],
] as const)("%s", (alg, ring, ivBytes, tagBytes) => {
  it("round-trips text, including the empty string and rare characters", () => {
    for (const plain of [ID, "", "𠮷野·买买提", "x".repeat(1000)]) {
      expect(decryptField(encryptField(plain, ring), ring)).toBe(plain);
    }
  });

  it("writes a v1 envelope naming the algorithm and key", () => {
    const parts = encryptField(ID, ring).split(".");
    expect(parts.slice(0, 3)).toEqual(["v1", alg, "k1"]);
    expect(Buffer.from(parts[3] ?? "", "base64url")).toHaveLength(ivBytes);
    expect(Buffer.from(parts[5] ?? "", "base64url")).toHaveLength(tagBytes);
    expect(parts.join(".")).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("uses a fresh IV every time", () => {
    const a = encryptField(ID, ring);
    const b = encryptField(ID, ring);
    expect(a).not.toBe(b);
    expect(a.split(".")[3]).not.toBe(b.split(".")[3]);
  });

  it("detects tampering with the IV, the ciphertext or the tag", () => {
    const envelope = encryptField(ID, ring);
    for (const index of [3, 4, 5]) {
      expect(() => decryptField(tamper(envelope, index), ring)).toThrow(FieldCipherError);
    }
  });

  it("detects a moved key id and a wrong key", () => {
    const envelope = encryptField(ID, ring);
    const other = loadFieldKeyring({ KUAIJI_ENC_KEY: K0, KUAIJI_ENC_KEY_ID: "k1" });
    expect(() => decryptField(envelope, other)).toThrow(/篡改或密钥不匹配/);
    const renamed = envelope.replace(".k1.", ".k0.");
    const both = loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEYS_OLD: `k0:${K1}` });
    expect(() => decryptField(renamed, both)).toThrow(FieldCipherError);
  });
});

describe("envelopes across configurations", () => {
  it("decrypts by the envelope's algorithm, whatever the current setting", () => {
    expect(decryptField(encryptField(ID, sm4), gcm)).toBe(ID);
    expect(decryptField(encryptField(ID, gcm), sm4)).toBe(ID);
  });

  it("decrypts rows written with a retired key, and flags them for re-encryption", () => {
    const before = loadFieldKeyring({ KUAIJI_ENC_KEY: K0, KUAIJI_ENC_KEY_ID: "k0" });
    const after = loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEYS_OLD: `k0:${K0}` });
    const old = encryptField(ID, before);
    expect(decryptField(old, after)).toBe(ID);
    expect(needsReencryption(old, after)).toBe(true);
    expect(needsReencryption(encryptField(ID, after), after)).toBe(false);
    expect(needsReencryption(encryptField(ID, sm4), gcm)).toBe(true);
  });

  it("names an unknown key id", () => {
    const other = loadFieldKeyring({ KUAIJI_ENC_KEY: K0, KUAIJI_ENC_KEY_ID: "k9" });
    expect(() => decryptField(encryptField(ID, other), sm4)).toThrow(/k9/);
  });

  it("rejects malformed envelopes", () => {
    const good = encryptField(ID, sm4);
    for (const bad of [
      "",
      "abc",
      good + ".x",
      good.replace(/^v1/, "v2"),
      good.replace(".sm4.", ".des."),
    ]) {
      expect(() => decryptField(bad, sm4)).toThrow(FieldCipherError);
    }
    const parts = good.split(".");
    parts[4] = `${parts[4]}!`; // Node's base64 decoder would silently skip the "!"
    expect(() => decryptField(parts.join("."), sm4)).toThrow(FieldCipherError);
  });
});
