import { describe, expect, it } from "vitest";
import { checkTotp, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

const secret = newTotpSecret();
// the middle of a step, so ±15 s stays inside it
const now = new Date(1_800_000_015_000);
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("checkTotp", () => {
  it("accepts the current code and one step either side, nothing further", () => {
    const step = totpStep(now);
    expect(checkTotp(secret, totpCode(secret, now), null, now)).toEqual({ ok: true, step });
    expect(checkTotp(secret, totpCode(secret, at(-30)), null, now)).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(checkTotp(secret, totpCode(secret, at(30)), null, now)).toEqual({
      ok: true,
      step: step + 1,
    });
    expect(checkTotp(secret, totpCode(secret, at(-60)), null, now)).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect(checkTotp(secret, totpCode(secret, at(60)), null, now)).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("refuses a code of a step already accepted, and earlier ones, as replayed", () => {
    const step = totpStep(now);
    const code = totpCode(secret, now);
    expect(checkTotp(secret, code, step, now)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(secret, totpCode(secret, at(-30)), step, now)).toEqual({
      ok: false,
      reason: "replayed",
    });
    // the next step's code is still good after this one was used
    expect(checkTotp(secret, totpCode(secret, at(30)), step, now)).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("refuses another secret's code and malformed input", () => {
    const other = newTotpSecret();
    expect(checkTotp(secret, totpCode(other, now), null, now).ok).toBe(false);
    expect(checkTotp(secret, "abcdef", null, now).ok).toBe(false);
  });

  it("makes 160-bit base32 secrets and an otpauth URI with the platform as issuer", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "gz-ce"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("会计人员信息服务平台");
  });
});
