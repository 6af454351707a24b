import { describe, expect, it } from "vitest";
import { loadOtpKey } from "@/lib/crypto/keys";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { formatRecoveryCode, readSecondFactorCode } from "./second-factor-code";

const KEY = loadOtpKey({ KUAIJI_OTP_KEY: "ef".repeat(32) });

describe("recovery codes", () => {
  it("are ten distinct codes that read back as recovery codes, shown or typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
      expect(readSecondFactorCode(formatRecoveryCode(c).toUpperCase())).toEqual({
        kind: "recovery",
        code: c,
      });
    }
  });

  it("are stored as keyed hashes bound to the account", () => {
    const [code] = newRecoveryCodes();
    const h = recoveryCodeHash("a", code!, KEY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(code!);
    expect(recoveryCodeHash("a", code!, KEY)).toBe(h);
    expect(recoveryCodeHash("b", code!, KEY)).not.toBe(h);
  });
});
