import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { CONSOLE_NETWORK_REFUSED } from "@/lib/staff/console-network";
import { verifySecondFactor } from "@/lib/staff/second-factor-service";
import { checkStaffSession } from "@/lib/staff/staff-session";
import { totpCode } from "@/lib/staff/totp";
import { createEnrolledStaff, passwordStep, staffSessionOf } from "../../support/staff";

// KUAIJI_CONSOLE_ALLOW_CIDRS: the console answers staff only from the configured networks.
const office = { ip: "10.20.30.40", userAgent: "vitest-staff" };
const home = { ip: "198.51.100.7", userAgent: "vitest-staff" };

describe("console address ranges", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("signs in and keeps sessions from the office network only", async () => {
    const s = await createEnrolledStaff(db, "440100");
    const session = await staffSessionOf(db, s, new Date(), office);
    const pending = await passwordStep(db, s.username, s.password, new Date(), office);
    if (!pending.ok) throw new Error(pending.message);

    vi.stubEnv("KUAIJI_CONSOLE_ALLOW_CIDRS", "10.0.0.0/8, 192.168.0.0/16");
    expect(await passwordStep(db, s.username, s.password, new Date(), home)).toEqual({
      ok: false,
      code: "invalid",
      message: CONSOLE_NETWORK_REFUSED,
      captchaRequired: false,
    });
    expect(await checkStaffSession(db, home, session)).toEqual({ ok: false, reason: "missing" });
    const code = totpCode(s.totpSecret, new Date(Date.now() + 30_000));
    expect(await verifySecondFactor(db, home, pending.token, { code })).toMatchObject({
      reason: "expired",
    });
    // the same session and sign-in from the office
    expect(await checkStaffSession(db, office, session)).toMatchObject({ ok: true });
    expect(await verifySecondFactor(db, office, pending.token, { code })).toMatchObject({
      ok: true,
    });
    expect(
      await db.auditEvent.count({
        where: {
          action: "auth.login",
          outcome: "denied",
          details: { path: ["reason"], equals: "network" },
        },
      }),
    ).toBeGreaterThan(0);
  });
});
