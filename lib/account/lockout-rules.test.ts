import { describe, expect, it } from "vitest";
import { isLocked, lockedMessage, triesLeft } from "./lockout-rules";
import { securityConfig } from "./security-config";

const c = securityConfig({});
const now = new Date("2026-11-27T02:00:00Z");

describe("lockout", () => {
  it("counts the tries left until the lock", () => {
    expect(triesLeft({ failedLogins: 4, lockedUntil: null }, c)).toBe(1);
    expect(triesLeft({ failedLogins: 7, lockedUntil: null }, c)).toBe(0);
  });
  it("is locked until the moment the lock ends", () => {
    const s = { failedLogins: 5, lockedUntil: new Date(now.getTime() + 60_000) };
    expect(isLocked(s, now)).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + 60_000))).toBe(false);
  });
  it("rejects a nonsense configuration", () => {
    expect(() => securityConfig({ KUAIJI_LOCKOUT_MINUTES: "-1" })).toThrow(/正整数/);
  });
  it("tells when the lock ends in Beijing time", () => {
    expect(lockedMessage(new Date("2026-11-27T02:30:00Z"))).toContain("10:30");
  });
});
