import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CryptoConfigError,
  getFieldKeyring,
  loadFieldKeyring,
  loadIndexKey,
  loadOtpKey,
} from "@/lib/crypto/keys";

const K1 = "11".repeat(32);
const K0 = "22".repeat(32);

describe("loadFieldKeyring", () => {
  it("defaults to SM4 and key id k1, with separate derived subkeys", () => {
    const ring = loadFieldKeyring({ KUAIJI_ENC_KEY: K1 });
    expect(ring.cipher).toBe("sm4");
    expect(ring.current.id).toBe("k1");
    expect(ring.current.sm4Enc).toHaveLength(16);
    expect(ring.current.sm4Mac).toHaveLength(32);
    expect(ring.current.aesGcm).toHaveLength(32);
    // Never the master key itself, never the same bytes for two purposes.
    expect(ring.current.sm4Mac.toString("hex")).not.toBe(K1);
    expect(ring.current.sm4Mac.subarray(0, 16).equals(ring.current.sm4Enc)).toBe(false);
    expect(ring.current.aesGcm.equals(ring.current.sm4Mac)).toBe(false);
  });

  it("reads the cipher, the key id and retired keys", () => {
    const ring = loadFieldKeyring({
      KUAIJI_ENC_KEY: K1,
      KUAIJI_ENC_KEY_ID: "2025a",
      KUAIJI_CIPHER: "AES-256-GCM",
      KUAIJI_ENC_KEYS_OLD: ` k0:${K0} , old-1:${"33".repeat(32)}`,
    });
    expect(ring.cipher).toBe("aes-256-gcm");
    expect(ring.current.id).toBe("2025a");
    expect([...ring.byId.keys()]).toEqual(["2025a", "k0", "old-1"]);
  });

  it("fails clearly on missing or malformed configuration", () => {
    expect(() => loadFieldKeyring({})).toThrow(CryptoConfigError);
    expect(() => loadFieldKeyring({})).toThrow(/KUAIJI_ENC_KEY 未设置/);
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: "abc" })).toThrow(/KUAIJI_ENC_KEY 格式错误/);
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_CIPHER: "des" })).toThrow(
      /KUAIJI_CIPHER/,
    );
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEY_ID: "a.b" })).toThrow(
      /KUAIJI_ENC_KEY_ID/,
    );
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEYS_OLD: "k0" })).toThrow(
      /KUAIJI_ENC_KEYS_OLD/,
    );
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEYS_OLD: `k1:${K0}` })).toThrow(
      /重复/,
    );
    expect(() => loadFieldKeyring({ KUAIJI_ENC_KEY: K1, KUAIJI_ENC_KEYS_OLD: "k0:12" })).toThrow(
      /格式错误/,
    );
  });
});

describe("index and OTP keys", () => {
  it("reads the index key", () => {
    expect(loadIndexKey({ KUAIJI_INDEX_KEY: K1 }).toString("hex")).toBe(K1);
    expect(() => loadIndexKey({})).toThrow(/KUAIJI_INDEX_KEY/);
  });

  it("uses KUAIJI_OTP_KEY, else a key derived from the index key (not the index key itself)", () => {
    expect(loadOtpKey({ KUAIJI_OTP_KEY: K0, KUAIJI_INDEX_KEY: K1 }).toString("hex")).toBe(K0);
    const derived = loadOtpKey({ KUAIJI_INDEX_KEY: K1 });
    expect(derived).toHaveLength(32);
    expect(derived.toString("hex")).not.toBe(K1);
    expect(loadOtpKey({ KUAIJI_INDEX_KEY: K1 }).equals(derived)).toBe(true);
  });
});

describe("getFieldKeyring", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("follows process.env changes", () => {
    vi.stubEnv("KUAIJI_ENC_KEY", K1);
    vi.stubEnv("KUAIJI_ENC_KEY_ID", "a");
    const first = getFieldKeyring();
    expect(getFieldKeyring()).toBe(first); // cached
    vi.stubEnv("KUAIJI_ENC_KEY_ID", "b");
    expect(getFieldKeyring().current.id).toBe("b");
  });
});
