import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isLocked } from "@/lib/account/lockout-rules";
import { loginState, reserveLoginAttempt } from "@/lib/account/login-throttle";
import { randomPhone } from "../../support/accounts";

// The lock's count is one SQL statement (reserveLoginAttempt): its rules, asserted on the row.

const now = new Date("2026-11-27T02:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const key = () => `reserve-${randomPhone()}`;

afterEach(() => {
  delete process.env.KUAIJI_LOCKOUT_THRESHOLD;
  delete process.env.KUAIJI_LOCKOUT_MINUTES;
});

describe("reserveLoginAttempt", () => {
  it("locks on the fifth attempt for 30 minutes and admits none while locked", async () => {
    const k = key();
    for (let i = 1; i <= 4; i++) {
      expect(await reserveLoginAttempt(db, k, now)).toEqual({
        ok: true,
        failedLogins: i,
        lockedNow: false,
        lockedUntil: null,
      });
    }
    expect(await reserveLoginAttempt(db, k, now)).toEqual({
      ok: true,
      failedLogins: 5,
      lockedNow: true,
      lockedUntil: at(30),
    });
    // refused, and the lock is neither extended nor announced again
    expect(await reserveLoginAttempt(db, k, at(29))).toEqual({ ok: false, lockedUntil: at(30) });
    const state = await loginState(db, k);
    expect(state).toEqual({ failedLogins: 5, lockedUntil: at(30) });
    expect(isLocked(state, at(29))).toBe(true);
  });

  it("restarts counting after an expired lock", async () => {
    const k = key();
    for (let i = 0; i < 5; i++) await reserveLoginAttempt(db, k, now);
    expect(await reserveLoginAttempt(db, k, at(30))).toMatchObject({
      ok: true,
      failedLogins: 1,
      lockedNow: false,
    });
  });

  it("takes its threshold and duration from configuration", async () => {
    process.env.KUAIJI_LOCKOUT_THRESHOLD = "3";
    process.env.KUAIJI_LOCKOUT_MINUTES = "10";
    const k = key();
    await reserveLoginAttempt(db, k, now);
    await reserveLoginAttempt(db, k, now);
    expect(await reserveLoginAttempt(db, k, now)).toMatchObject({
      lockedNow: true,
      lockedUntil: at(10),
    });
  });
});
