import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { beijingToday } from "@/lib/time/beijing";
import { SMS_DAILY_CAP_REACHED, sendSmsCode } from "@/lib/account/sms-code-service";
import { freshClient, randomPhone, solvedCaptcha } from "../../support/accounts";

// The platform's daily SMS budget against toll fraud, and a client without an address as one
// shared client (issue 12, 6–7). Integration files run one at a time, so this file may own the
// platform-wide count while it runs.

/** today's count of the platform's SMS (lib/account/sms-code-service.ts) */
const DAILY = `sms-day:${beijingToday()}`;

async function send(phone: string, ip: string | null, now = new Date()) {
  return sendSmsCode(
    db,
    { ip, userAgent: "vitest" },
    { phone, purpose: "register", ...(await solvedCaptcha(db, now)) },
    now,
  );
}

beforeEach(async () => {
  await db.rateLimiterFlexible.deleteMany({ where: { key: DAILY } });
});
afterEach(async () => {
  delete process.env.KUAIJI_SMS_PER_DAY;
  delete process.env.KUAIJI_SMS_PER_IP_HOUR;
  await db.rateLimiterFlexible.deleteMany({ where: { key: DAILY } });
});

describe("短信 daily cap", () => {
  it("40 parallel sends to 40 phones from 40 addresses: exactly the cap goes out", async () => {
    process.env.KUAIJI_SMS_PER_DAY = "10";
    const phones = Array.from({ length: 40 }, randomPhone);
    const results = await Promise.all(phones.map((p) => send(p, freshClient().ip)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const capped = results.filter((r) => !r.ok && r.reason === "daily-cap");
    expect(capped).toHaveLength(30);
    expect(capped[0]).toMatchObject({ fieldErrors: { phone: SMS_DAILY_CAP_REACHED } });
    expect(await db.smsCode.count({ where: { phone: { in: phones } } })).toBe(10);
    expect(
      await db.auditEvent.count({
        where: {
          action: "auth.sms-code-refused",
          details: { path: ["reason"], equals: "daily-cap" },
          at: { gt: new Date(Date.now() - 60_000) },
        },
      }),
    ).toBeGreaterThanOrEqual(30);
  });

  it("a refused send spends nothing of the day's budget", async () => {
    process.env.KUAIJI_SMS_PER_DAY = "2";
    const phone = randomPhone();
    expect((await send(phone, freshClient().ip)).ok).toBe(true);
    expect(await send(phone, freshClient().ip)).toMatchObject({ ok: false, reason: "cooldown" });
    expect((await send(randomPhone(), freshClient().ip)).ok).toBe(true);
    expect(await send(randomPhone(), freshClient().ip)).toMatchObject({
      ok: false,
      reason: "daily-cap",
    });
  });
});

describe("短信 without a client address", () => {
  it("counts every address-less client as one", async () => {
    process.env.KUAIJI_SMS_PER_IP_HOUR = "3";
    // an hour no other test wrote codes in
    const now = new Date(Date.now() - 400 * 86_400_000 - Math.floor(Math.random() * 1e9));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => send(randomPhone(), null, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === "ip-hour")).toHaveLength(3);
  });
});

describe("短信 from IPv6", () => {
  it("counts every address of one /64 as one client, in parallel", async () => {
    process.env.KUAIJI_SMS_PER_IP_HOUR = "3";
    const now = new Date(Date.now() - 400 * 86_400_000 - Math.floor(Math.random() * 1e9));
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    // six spellings of six addresses in one /64: hopping inside it buys nothing
    const addresses = Array.from({ length: 6 }, (_, i) => `${net}::${(i + 1).toString(16)}`);
    const results = await Promise.all(addresses.map((ip) => send(randomPhone(), ip, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === "ip-hour")).toHaveLength(3);
    // the neighbouring /64 is another client
    expect((await send(randomPhone(), `2001:db8:${net.split(":")[2]}:2::1`, now)).ok).toBe(true);
  });
});
