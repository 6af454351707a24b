import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/account/login-service";
import { reauthenticate } from "@/lib/account/reauthenticate";
import type { SessionPerson } from "@/lib/account/session-service";
import { freshClient, randomResidentId, solvedCaptcha } from "../../support/accounts";
import { createPerson } from "../../support/person";

// Password spraying and parallel guessing (issue 12, 1–2): every attempt is counted before its
// password is hashed, so limits hold however many requests arrive at once. What was hashed is
// read off the audit record: each checked attempt leaves one auth.login failure.

const hashedFailures = (ip: string) =>
  db.auditEvent.count({ where: { action: "auth.login", outcome: "failure", ip } });

afterEach(() => {
  delete process.env.KUAIJI_LOGIN_PER_IP;
  delete process.env.KUAIJI_LOGIN_PER_NETWORK;
});

describe("登录 limits per client", () => {
  it("20 parallel wrong passwords for one number: exactly the lock threshold are checked", async () => {
    const ctx = freshClient();
    const p = await createPerson(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        authenticate(db, ctx, { idNumber: p.idNumber, password: "Wrong-pass1" }),
      ),
    );
    expect(await hashedFailures(ctx.ip)).toBe(5);
    expect(results.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.code === "locked")).toHaveLength(16);
    // and the owner's right password is refused while the lock lasts
    expect(
      await authenticate(db, freshClient(), {
        idNumber: p.idNumber,
        password: p.password,
        ...(await solvedCaptcha(db)),
      }),
    ).toMatchObject({ ok: false, code: "locked" });
  });

  it("one password sprayed over 60 numbers in parallel: the address's limit is all that is hashed", async () => {
    process.env.KUAIJI_LOGIN_PER_IP = "12";
    const ctx = freshClient();
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        authenticate(db, ctx, { idNumber: randomResidentId(), password: "Guangzhou@2026" }),
      ),
    );
    expect(await hashedFailures(ctx.ip)).toBe(12);
    const throttled = results.filter((r) => !r.ok && r.code === "throttled");
    expect(throttled).toHaveLength(48);
    expect(throttled[0]).toMatchObject({
      message: expect.stringMatching(/^该网络登录失败次数过多，请 1[45] 分钟后再试$/),
    });
    expect(
      await db.auditEvent.count({
        where: { action: "auth.login", outcome: "denied", ip: ctx.ip },
      }),
    ).toBe(48);
    // with a captcha too: the address has used its window
    const again = await authenticate(db, ctx, {
      idNumber: randomResidentId(),
      password: "Guangzhou@2026",
      ...(await solvedCaptcha(db)),
    });
    expect(again).toMatchObject({ ok: false, code: "throttled" });
  });

  it("hopping addresses inside one /24 meets the network's limit", async () => {
    process.env.KUAIJI_LOGIN_PER_NETWORK = "10";
    const base = freshClient().ip.split(".").slice(0, 3).join(".");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(
          db,
          { ip: `${base}.${i + 1}`, userAgent: "vitest" },
          { idNumber: randomResidentId(), password: "Guangzhou@2026" },
        ),
      ),
    );
    const hashed = await db.auditEvent.count({
      where: { action: "auth.login", outcome: "failure", ip: { startsWith: `${base}.` } },
    });
    expect(hashed).toBe(10);
    expect(results.filter((r) => !r.ok && r.code === "throttled")).toHaveLength(20);
  });

  it("asks an address that failed three times for the captcha from its next first attempt", async () => {
    const ctx = freshClient();
    for (let i = 0; i < 3; i++) {
      expect(
        await authenticate(db, ctx, { idNumber: randomResidentId(), password: "Wrong-pass1" }),
      ).toMatchObject({ ok: false, code: "invalid" });
    }
    const p = await createPerson(db);
    expect(
      await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password }),
    ).toMatchObject({ ok: false, code: "captcha", message: "请输入图形验证码" });
    // another address is not affected
    expect(
      (await authenticate(db, freshClient(), { idNumber: p.idNumber, password: p.password })).ok,
    ).toBe(true);
  });

  it("gives a right password's attempt back, never below zero", async () => {
    process.env.KUAIJI_LOGIN_PER_IP = "3";
    const ctx = freshClient();
    const p = await createPerson(db);
    // a sprayer logging into their own account between guesses banks nothing
    for (let i = 0; i < 5; i++) {
      expect((await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password })).ok).toBe(
        true,
      );
    }
    const guesses = await Promise.all(
      Array.from({ length: 6 }, async () =>
        authenticate(db, ctx, {
          idNumber: randomResidentId(),
          password: "Guangzhou@2026",
          ...(await solvedCaptcha(db)),
        }),
      ),
    );
    expect(await hashedFailures(ctx.ip)).toBe(3);
    expect(guesses.filter((r) => !r.ok && r.code === "throttled")).toHaveLength(3);
  });

  it("a client without an address shares one budget with every other such client", async () => {
    process.env.KUAIJI_LOGIN_PER_IP = "4";
    await db.rateLimiterFlexible.deleteMany({
      where: { key: { in: ["login-ip:unknown", "login-net:unknown"] } },
    });
    const anonymous = { ip: null, userAgent: "vitest" };
    const results = await Promise.all(
      Array.from({ length: 8 }, async () =>
        authenticate(db, anonymous, {
          idNumber: randomResidentId(),
          password: "Guangzhou@2026",
          ...(await solvedCaptcha(db)),
        }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.code === "throttled")).toHaveLength(4);
  });
});

describe("重新输入密码 under parallel guessing", () => {
  it("checks no more than the threshold of 20 simultaneous wrong passwords", async () => {
    const ctx = freshClient();
    const p = await createPerson(db);
    const session: SessionPerson = {
      sessionId: "s",
      personId: p.id,
      name: "陈静",
      idType: "RESIDENT_ID",
      idNumberMasked: "",
      phone: "",
      regionCode: "440000",
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        reauthenticate(db, ctx, session, "Wrong-pass1", "auth.password-change"),
      ),
    );
    expect(
      await db.auditEvent.count({
        where: { action: "auth.password-change", outcome: "failure", actorId: p.id },
      }),
    ).toBe(5);
    expect(results.filter((r) => !r.ok && r.message.includes("锁定"))).toHaveLength(16);
  });
});
