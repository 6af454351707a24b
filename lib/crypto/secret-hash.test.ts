import { describe, expect, it } from "vitest";
import { loadOtpKey } from "@/lib/crypto/keys";
import { hashSecret, secretEquals } from "@/lib/crypto/secret-hash";

const KEY = loadOtpKey({ KUAIJI_OTP_KEY: "ef".repeat(32) });
const OTHER = loadOtpKey({ KUAIJI_INDEX_KEY: "ef".repeat(32) });

describe("hashSecret", () => {
  it("is a deterministic 64-hex keyed hash bound to purpose and key", () => {
    const h = hashSecret("sms-register", "13812345678:123456", KEY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret("sms-register", "13812345678:123456", KEY)).toBe(h);
    expect(hashSecret("sms-reset", "13812345678:123456", KEY)).not.toBe(h);
    expect(hashSecret("sms-register", "13812345678:123457", KEY)).not.toBe(h);
    expect(hashSecret("sms-register", "13812345678:123456", OTHER)).not.toBe(h);
  });

  it("refuses a purpose containing the separator", () => {
    expect(() => hashSecret("sms:register", "1", KEY)).toThrow();
  });
});

describe("secretEquals", () => {
  it("compares exactly", () => {
    const h = hashSecret("captcha", "ab3d", KEY);
    expect(secretEquals(h, hashSecret("captcha", "ab3d", KEY))).toBe(true);
    expect(secretEquals(h, hashSecret("captcha", "ab3e", KEY))).toBe(false);
    expect(secretEquals(h, h.slice(0, 63))).toBe(false);
    expect(secretEquals("", "")).toBe(true);
  });
});
