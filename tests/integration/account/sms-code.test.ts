import { describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db/client";
import { CAPTCHA_WRONG } from "@/lib/account/captcha-service";
import { sendSmsCode, verifySmsCode } from "@/lib/account/sms-code-service";
import { latestCodeFor, randomPhone, solvedCaptcha } from "../../support/accounts";

const ip = () => `192.0.2.${Math.floor(Math.random() * 250)}`;
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

async function send(phone: string, now: Date, clientIp = ip(), client = db) {
  return sendSmsCode(
    client,
    { ip: clientIp, userAgent: "vitest" },
    { phone, purpose: "register", ...(await solvedCaptcha(client, now)) },
    now,
  );
}

describe("短信验证码", () => {
  it("is sent only after a correct graphic captcha", async () => {
    const phone = randomPhone();
    const c = await solvedCaptcha(db);
    const r = await sendSmsCode(
      db,
      { ip: ip(), userAgent: null },
      { phone, purpose: "register", captchaId: c.captchaId, captchaAnswer: "wrong" },
    );
    expect(r).toMatchObject({
      ok: false,
      reason: "captcha",
      fieldErrors: { captchaAnswer: CAPTCHA_WRONG },
    });
    expect(latestCodeFor(phone)).toBeNull();
    // and the captcha cannot be retried: one picture, one try
    const retry = await sendSmsCode(
      db,
      { ip: ip(), userAgent: null },
      { phone, purpose: "register", ...c },
    );
    expect(retry.ok).toBe(false);
  });

  it("waits 60 s between sends, caps 5 an hour and 10 a day per phone", async () => {
    const phone = randomPhone();
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect((await send(phone, t0)).ok).toBe(true);
    expect(await send(phone, at(t0, 30))).toMatchObject({
      ok: false,
      reason: "cooldown",
      retryAfterSeconds: 30,
      fieldErrors: { phone: "请30秒后再获取短信验证码" },
    });
    for (let i = 1; i < 5; i++) expect((await send(phone, at(t0, i * 61))).ok).toBe(true);
    expect(await send(phone, at(t0, 5 * 61))).toMatchObject({
      ok: false,
      fieldErrors: { phone: expect.stringContaining("1小时") },
    });
    // next hour: 5 more allowed, then the daily cap of 10
    const t1 = at(t0, 3601);
    for (let i = 0; i < 5; i++) expect((await send(phone, at(t1, i * 61))).ok).toBe(true);
    const t2 = at(t0, 2 * 3601);
    expect(await send(phone, t2)).toMatchObject({
      ok: false,
      fieldErrors: { phone: expect.stringContaining("今日") },
    });
    expect((await send(phone, at(t0, 24 * 3600 + 10))).ok).toBe(true);
  });

  it("puts a refusal about the phone at the form's own field for it", async () => {
    const newPhone = randomPhone();
    const t0 = new Date("2032-01-01T00:00:00Z");
    const change = async (now: Date) =>
      sendSmsCode(
        db,
        { ip: ip(), userAgent: "vitest" },
        {
          phone: newPhone,
          phoneField: "newPhone",
          purpose: "change-phone",
          ...(await solvedCaptcha(db, now)),
        },
        now,
      );
    expect((await change(t0)).ok).toBe(true);
    expect(await change(at(t0, 10))).toEqual({
      ok: false,
      reason: "cooldown",
      message: "",
      fieldErrors: { newPhone: "请50秒后再获取短信验证码" },
      retryAfterSeconds: 50,
    });
  });

  it("limits one IP across many phones", async () => {
    const clientIp = "192.0.2.254";
    const t0 = new Date("2031-01-01T00:00:00Z");
    for (let i = 0; i < 20; i++)
      expect((await send(randomPhone(), at(t0, i), clientIp)).ok).toBe(true);
    expect(await send(randomPhone(), at(t0, 30), clientIp)).toMatchObject({
      ok: false,
      fieldErrors: { phone: expect.stringContaining("当前网络") },
    });
  });

  it("expires after 5 minutes, is single use, and is void after 5 wrong tries", async () => {
    const now = new Date("2032-01-01T00:00:00Z");
    const phone = randomPhone();
    await send(phone, now);
    const code = latestCodeFor(phone)!;
    const verify = (c: string, when: Date) =>
      db.$transaction((tx) => verifySmsCode(tx, { phone, purpose: "register", code: c }, when));
    expect(await verify(code, at(now, 301))).toMatchObject({
      ok: false,
      message: expect.stringContaining("过期"),
    });
    expect(await verify(code, at(now, 299))).toEqual({ ok: true, codeId: expect.any(String) });
    expect(await verify(code, at(now, 299))).toMatchObject({ ok: false });

    const phone2 = randomPhone();
    await send(phone2, now);
    const code2 = latestCodeFor(phone2)!;
    const wrong = code2 === "999999" ? "888888" : "999999";
    for (let i = 0; i < 5; i++) {
      const r = await db.$transaction((tx) =>
        verifySmsCode(tx, { phone: phone2, purpose: "register", code: wrong }, at(now, 10)),
      );
      expect(r.ok).toBe(false);
    }
    const after = await db.$transaction((tx) =>
      verifySmsCode(tx, { phone: phone2, purpose: "register", code: code2 }, at(now, 20)),
    );
    expect(after).toMatchObject({ ok: false, message: expect.stringContaining("次数过多") });
  });

  it("is bound to its purpose", async () => {
    const phone = randomPhone();
    await send(phone, new Date());
    const code = latestCodeFor(phone)!;
    const r = await db.$transaction((tx) =>
      verifySmsCode(tx, { phone, purpose: "reset-password", code }),
    );
    expect(r.ok).toBe(false);
  });

  it("holds its limits across two app instances sharing one database", async () => {
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const phone = randomPhone();
      const now = new Date("2033-01-01T00:00:00Z");
      const captchas = await Promise.all(
        Array.from({ length: 6 }, (_, i) => solvedCaptcha(i % 2 ? other : db, now)),
      );
      const results = await Promise.all(
        captchas.map((c, i) =>
          sendSmsCode(
            i % 2 ? other : db,
            { ip: ip(), userAgent: null },
            { phone, purpose: "register", ...c },
            now,
          ),
        ),
      );
      // the 60-second interval lets exactly one of the simultaneous requests through
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await db.smsCode.count({ where: { phone } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("housekeeping", () => {
  it("removes only challenges nobody can use any more", async () => {
    const { pruneExpiredAccountRows } = await import("@/lib/account/housekeeping");
    const now = new Date("2034-06-01T00:00:00Z");
    const phone = randomPhone();
    await send(phone, new Date(now.getTime() - 72 * 3_600_000));
    await send(phone, new Date(now.getTime() - 3_600_000));
    await pruneExpiredAccountRows(db, now);
    expect(await db.smsCode.count({ where: { phone } })).toBe(1);
  });
});
