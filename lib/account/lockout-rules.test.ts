import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, lockedMessage, triesLeft } from "./lockout-rules";
import { securityConfig } from "./security-config";

const c = securityConfig({});
const now = new Date("2026-11-27T02:00:00Z");

describe("lockout", () => {
  it("locks on the fifth wrong password for 30 minutes", () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(s, now, c);
      expect(next.lockedNow).toBe(false);
      s = next;
    }
    expect(triesLeft(s, c)).toBe(1);
    const locked = afterFailure(s, now, c);
    expect(locked.lockedNow).toBe(true);
    expect(locked.lockedUntil?.toISOString()).toBe("2026-11-27T02:30:00.000Z");
    expect(isLocked(locked, new Date(now.getTime() + 29 * 60_000))).toBe(true);
    expect(isLocked(locked, new Date(now.getTime() + 30 * 60_000))).toBe(false);
  });
  it("does not extend or re-announce a lock a parallel guess already set", () => {
    const until = new Date(now.getTime() + 60_000);
    expect(afterFailure({ failedLogins: 5, lockedUntil: until }, now, c)).toEqual({
      failedLogins: 6,
      lockedUntil: until,
      lockedNow: false,
    });
  });
  it("restarts counting after an expired lock", () => {
    const s = { failedLogins: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(afterFailure(s, now, c)).toMatchObject({ failedLogins: 1, lockedNow: false });
  });
  it("takes its threshold and duration from configuration", () => {
    const strict = securityConfig({ KUAIJI_LOCKOUT_THRESHOLD: "3", KUAIJI_LOCKOUT_MINUTES: "10" });
    const s = afterFailure({ failedLogins: 2, lockedUntil: null }, now, strict);
    expect(s.lockedUntil?.toISOString()).toBe("2026-11-27T02:10:00.000Z");
  });
  it("rejects a nonsense configuration", () => {
    expect(() => securityConfig({ KUAIJI_LOCKOUT_MINUTES: "-1" })).toThrow(/正整数/);
  });
  it("tells when the lock ends in Beijing time", () => {
    expect(lockedMessage(new Date("2026-11-27T02:30:00Z"))).toContain("10:30");
  });
});
