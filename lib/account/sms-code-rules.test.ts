import { describe, expect, it } from "vitest";
import { codeState, decideSend, generateSmsCode } from "./sms-code-rules";
import { securityConfig } from "./security-config";

const c = securityConfig({});
const now = new Date("2026-11-27T08:00:00Z");
const quiet = { lastSentAt: null, phoneLastHour: 0, phoneLastDay: 0, ipLastHour: 0, ipLastDay: 0 };

describe("generateSmsCode", () => {
  it("is always 6 digits and varies", () => {
    const codes = new Set(Array.from({ length: 200 }, generateSmsCode));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(150);
  });
});

describe("decideSend", () => {
  it("allows a first send", () => expect(decideSend(quiet, now, c)).toEqual({ ok: true }));
  it("enforces the 60-second resend cooldown and says how long to wait", () => {
    const d = decideSend({ ...quiet, lastSentAt: new Date(now.getTime() - 45_000) }, now, c);
    expect(d).toMatchObject({ ok: false, reason: "cooldown", retryAfterSeconds: 15 });
    expect(decideSend({ ...quiet, lastSentAt: new Date(now.getTime() - 60_000) }, now, c).ok).toBe(
      true,
    );
  });
  it("caps 5 an hour and 10 a day per phone", () => {
    expect(decideSend({ ...quiet, phoneLastHour: 4, phoneLastDay: 4 }, now, c).ok).toBe(true);
    expect(decideSend({ ...quiet, phoneLastHour: 5, phoneLastDay: 5 }, now, c)).toMatchObject({
      reason: "phone-hour",
    });
    expect(decideSend({ ...quiet, phoneLastHour: 0, phoneLastDay: 10 }, now, c)).toMatchObject({
      reason: "phone-day",
    });
  });
  it("caps per IP", () => {
    expect(decideSend({ ...quiet, ipLastHour: c.smsPerIpHour }, now, c)).toMatchObject({
      reason: "ip-hour",
    });
    expect(decideSend({ ...quiet, ipLastDay: c.smsPerIpDay }, now, c)).toMatchObject({
      reason: "ip-day",
    });
  });
});

describe("codeState", () => {
  const fresh = { expiresAt: new Date(now.getTime() + 300_000), consumedAt: null, attempts: 0 };
  it("is usable within 5 minutes", () => expect(codeState(fresh, now, c)).toBe("usable"));
  it("expires after 5 minutes", () =>
    expect(codeState(fresh, new Date(now.getTime() + 300_000), c)).toBe("expired"));
  it("is single use", () =>
    expect(codeState({ ...fresh, consumedAt: now }, now, c)).toBe("consumed"));
  it("is void after 5 wrong tries", () => {
    expect(codeState({ ...fresh, attempts: 4 }, now, c)).toBe("usable");
    expect(codeState({ ...fresh, attempts: 5 }, now, c)).toBe("exhausted");
  });
});
