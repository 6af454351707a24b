import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/account/login-service";
import { checkSession } from "@/lib/account/session-service";
import { changePassword, resetPassword } from "@/lib/account/password-service";
import { changePhone } from "@/lib/account/phone-service";
import { PHONE_TAKEN } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import {
  freshClient,
  latestCodeFor,
  messagesTo,
  randomPhone,
  solvedCaptcha,
  waitForCode,
} from "../../support/accounts";
import { createPerson } from "../../support/person";

// each test its own client: wrong passwords of one must not put a captcha before the next
let ctx = freshClient();
beforeEach(() => {
  ctx = freshClient();
});
const min = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

async function login(idNumber: string, password: string, now = new Date(), withCaptcha = true) {
  return authenticate(
    db,
    ctx,
    { idNumber, password, ...(withCaptcha ? await solvedCaptcha(db, now) : {}) },
    now,
  );
}

describe("登录", () => {
  it("logs in with the ID number in any case and starts a new server-side session", async () => {
    const p = await createPerson(db);
    const r = await authenticate(db, ctx, {
      idNumber: p.idNumber.toLowerCase(),
      password: p.password,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password });
    expect(again.ok && again.sessionId).not.toBe(r.sessionId);
    expect(
      await db.auditEvent.count({
        where: { action: "auth.login", outcome: "success", actorId: p.id },
      }),
    ).toBe(2);
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const p = await createPerson(db);
    const wrong = await login(p.idNumber, "Wrong-pass1");
    const unknown = await login("110101199001011237", "Wrong-pass1");
    expect(wrong).toMatchObject({
      ok: false,
      code: "invalid",
      message: "证件号码或密码错误，还可尝试 4 次",
    });
    expect(unknown).toEqual(wrong);
    // and the next try without a captcha is refused the same way for both
    const wrong2 = await authenticate(db, ctx, { idNumber: p.idNumber, password: "x" });
    const unknown2 = await authenticate(db, ctx, { idNumber: "110101199001011237", password: "x" });
    expect(unknown2).toEqual(wrong2);
  });

  it("asks for the graphic captcha after a failure", async () => {
    const p = await createPerson(db);
    expect((await authenticate(db, ctx, { idNumber: p.idNumber, password: "nope" })).ok).toBe(
      false,
    );
    const noCaptcha = await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password });
    expect(noCaptcha).toMatchObject({ ok: false, code: "captcha", captchaRequired: true });
    expect((await login(p.idNumber, p.password)).ok).toBe(true);
  });

  it("locks the account for 30 minutes after 5 wrong passwords, with a clear message", async () => {
    const p = await createPerson(db);
    const t0 = new Date();
    for (let i = 1; i <= 4; i++) {
      const r = await login(p.idNumber, "Wrong-pass1", t0);
      expect(r).toMatchObject({
        ok: false,
        code: "invalid",
        message: expect.stringContaining(`还可尝试 ${5 - i} 次`),
      });
    }
    expect(await login(p.idNumber, "Wrong-pass1", t0)).toMatchObject({
      ok: false,
      code: "locked",
      message: expect.stringContaining("已锁定"),
    });
    // even the right password is refused while locked
    expect(await login(p.idNumber, p.password, min(t0, 29))).toMatchObject({
      ok: false,
      code: "locked",
    });
    expect((await login(p.idNumber, p.password, min(t0, 31))).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", actorId: p.id } })).toBe(1);
  });
});

describe("登录 under parallel guessing", () => {
  it("counts every one of many simultaneous wrong passwords", async () => {
    const p = await createPerson(db);
    const now = new Date();
    const captchas = await Promise.all(Array.from({ length: 10 }, () => solvedCaptcha(db, now)));
    await Promise.all(
      captchas.map((c) =>
        authenticate(db, ctx, { idNumber: p.idNumber, password: "Wrong-pass1", ...c }, now),
      ),
    );
    expect(await login(p.idNumber, p.password, now)).toMatchObject({ ok: false, code: "locked" });
  });
});

describe("会话", () => {
  it("ends after 30 idle minutes and after 12 hours in any case", async () => {
    const p = await createPerson(db);
    const t0 = new Date();
    const r = await login(p.idNumber, p.password, t0, false);
    if (!r.ok) throw new Error(r.message);
    expect((await checkSession(db, ctx, r.sessionId, min(t0, 29))).ok).toBe(true);
    expect(await checkSession(db, ctx, r.sessionId, min(t0, 29 + 31))).toEqual({
      ok: false,
      reason: "idle",
    });

    const r2 = await login(p.idNumber, p.password, t0, false);
    if (!r2.ok) throw new Error(r2.message);
    let t = t0;
    for (let i = 0; i < 24; i++) {
      t = min(t, 29);
      expect((await checkSession(db, ctx, r2.sessionId, t)).ok).toBe(true);
    }
    t = min(t0, 12 * 60 + 1);
    expect(await checkSession(db, ctx, r2.sessionId, t)).toEqual({ ok: false, reason: "expired" });
  });

  it("a stolen session cannot guess the password: 5 wrong re-entries lock and end every session", async () => {
    const p = await createPerson(db);
    const s = await login(p.idNumber, p.password, new Date(), false);
    if (!s.ok) throw new Error("login failed");
    const check = await checkSession(db, ctx, s.sessionId);
    if (!check.ok) throw new Error("no session");
    for (let i = 1; i <= 4; i++) {
      const r = await changePassword(db, ctx, check.person, {
        currentPassword: `Guess-${i}-x`,
        newPassword: "N3w-Passw0rd",
      });
      expect(r).toMatchObject({
        ok: false,
        reason: "reauth",
        fieldErrors: { currentPassword: expect.stringContaining(`还可尝试 ${5 - i} 次`) },
      });
    }
    expect(
      await changePhone(db, ctx, check.person, {
        password: "Guess-5-x",
        newPhone: randomPhone(),
        smsCode: "123456",
      }),
    ).toMatchObject({
      ok: false,
      reason: "reauth",
      fieldErrors: { password: expect.stringContaining("已锁定") },
    });
    expect(await checkSession(db, ctx, s.sessionId)).toEqual({ ok: false, reason: "revoked" });
  });

  it("修改密码 ends the other sessions but keeps this one", async () => {
    const p = await createPerson(db);
    const a = await login(p.idNumber, p.password, new Date(), false);
    const b = await login(p.idNumber, p.password, new Date(), false);
    if (!a.ok || !b.ok) throw new Error("login failed");
    const check = await checkSession(db, ctx, a.sessionId);
    if (!check.ok) throw new Error("no session");
    expect(
      await changePassword(db, ctx, check.person, {
        currentPassword: "bad",
        newPassword: "N3w-Passw0rd",
      }),
    ).toMatchObject({
      ok: false,
      reason: "reauth",
      fieldErrors: { currentPassword: expect.any(String) },
    });
    expect(
      await changePassword(db, ctx, check.person, {
        currentPassword: p.password,
        newPassword: "N3w-Passw0rd",
      }),
    ).toEqual({ ok: true });
    expect((await checkSession(db, ctx, a.sessionId)).ok).toBe(true);
    expect(await checkSession(db, ctx, b.sessionId)).toEqual({ ok: false, reason: "revoked" });
    expect((await login(p.idNumber, p.password, new Date(), true)).ok).toBe(false);
    expect((await login(p.idNumber, "N3w-Passw0rd")).ok).toBe(true);
  });
});

describe("找回密码", () => {
  it("sends the code only to the registered phone, resets, unlocks and ends every session", async () => {
    const p = await createPerson(db);
    const s = await login(p.idNumber, p.password, new Date(), false);
    if (!s.ok) throw new Error("login failed");
    for (let i = 0; i < 5; i++) await login(p.idNumber, "Wrong-pass1");

    const stranger = randomPhone();
    const deliverTo =
      (phone: string) => (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
        tx.person.findUnique({ where: { id: p.id } }).then((x) => x?.phone === phone);
    const toStranger = await sendSmsCode(db, ctx, {
      phone: stranger,
      purpose: "reset-password",
      ...(await solvedCaptcha(db)),
      deliverTo: deliverTo(stranger),
    });
    expect(toStranger.ok).toBe(true); // same answer on screen …
    expect(latestCodeFor(stranger)).toBeNull(); // … but nothing delivered

    await sendSmsCode(db, ctx, {
      phone: p.phone,
      purpose: "reset-password",
      ...(await solvedCaptcha(db)),
      deliverTo: deliverTo(p.phone),
    });
    const code = await waitForCode(p.phone);
    // someone else asking for a reset code for this phone (with another ID) must not cancel it
    const later = new Date(Date.now() + 61_000);
    const decoy = await sendSmsCode(
      db,
      ctx,
      {
        phone: p.phone,
        purpose: "reset-password",
        ...(await solvedCaptcha(db, later)),
        deliverTo: async () => false,
      },
      later,
    );
    expect(decoy.ok).toBe(true);
    expect(
      await resetPassword(db, ctx, {
        idNumber: p.idNumber,
        phone: p.phone,
        smsCode: code,
        password: "short",
      }),
    ).toMatchObject({
      ok: false,
      reason: "password-weak",
      fieldErrors: { password: expect.any(String) },
    });
    // the refusal rolled back: the code is still unused
    expect(
      await resetPassword(db, ctx, {
        idNumber: p.idNumber,
        phone: p.phone,
        smsCode: code,
        password: "Res3t-Passw0rd",
      }),
    ).toEqual({ ok: true });
    expect(await checkSession(db, ctx, s.sessionId)).toEqual({ ok: false, reason: "revoked" });
    // this client failed five times a moment ago: the captcha stays on for it
    expect(
      (await authenticate(db, ctx, { idNumber: p.idNumber, password: "Res3t-Passw0rd" })).ok,
    ).toBe(false);
    expect((await login(p.idNumber, "Res3t-Passw0rd")).ok).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: "auth.password-reset", actorId: p.id } }),
    ).toBe(1);
  });
});

describe("更换手机号", () => {
  it("needs the password and a code sent to the new number; refuses a number in use", async () => {
    const p = await createPerson(db);
    const other = await createPerson(db);
    const s = await login(p.idNumber, p.password, new Date(), false);
    if (!s.ok) throw new Error("login failed");
    const check = await checkSession(db, ctx, s.sessionId);
    if (!check.ok) throw new Error("no session");
    // another device, logged in earlier (or a stolen session)
    const elsewhere = await login(p.idNumber, p.password, new Date(), false);
    if (!elsewhere.ok) throw new Error("login failed");
    const newPhone = randomPhone();
    await sendSmsCode(db, ctx, {
      phone: newPhone,
      purpose: "change-phone",
      ...(await solvedCaptcha(db)),
    });
    const code = latestCodeFor(newPhone)!;
    expect(
      await changePhone(db, ctx, check.person, { password: "bad", newPhone, smsCode: code }),
    ).toMatchObject({ ok: false, reason: "reauth", fieldErrors: { password: expect.any(String) } });
    expect(
      await changePhone(db, ctx, check.person, { password: p.password, newPhone, smsCode: code }),
    ).toEqual({ ok: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).phone).toBe(newPhone);
    // the other session ends, this one goes on; the old number is told, with the new one masked
    expect(await checkSession(db, ctx, elsewhere.sessionId)).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await checkSession(db, ctx, s.sessionId)).ok).toBe(true);
    expect(messagesTo(p.phone).at(-1)).toBe(
      `【会计人员信息服务平台】您账号绑定的手机号已更换为${newPhone.slice(0, 3)}****${newPhone.slice(7)}，本机号码不再接收该账号的验证码。如非本人操作，请立即联系当地财政部门。`,
    );

    await sendSmsCode(db, ctx, {
      phone: other.phone,
      purpose: "change-phone",
      ...(await solvedCaptcha(db)),
    });
    const taken = await changePhone(db, ctx, check.person, {
      password: p.password,
      newPhone: other.phone,
      smsCode: latestCodeFor(other.phone)!,
    });
    // no check before the write: the unique index refuses it
    expect(taken).toEqual({
      ok: false,
      reason: "phone-taken",
      message: "",
      fieldErrors: { newPhone: PHONE_TAKEN },
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).phone).toBe(newPhone);
  });
});

describe("key rotation", () => {
  it("re-encrypts an ID number under the current key when its owner logs in", async () => {
    const p = await createPerson(db);
    const before = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    const saved = {
      key: process.env.KUAIJI_ENC_KEY,
      id: process.env.KUAIJI_ENC_KEY_ID,
      old: process.env.KUAIJI_ENC_KEYS_OLD,
    };
    try {
      process.env.KUAIJI_ENC_KEYS_OLD = `${saved.id ?? "k1"}:${saved.key}`;
      process.env.KUAIJI_ENC_KEY = "ab".repeat(32);
      process.env.KUAIJI_ENC_KEY_ID = "k2";
      expect((await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password })).ok).toBe(
        true,
      );
      const after = await db.person.findUniqueOrThrow({ where: { id: p.id } });
      expect(after.idNumberCipher.split(".")[2]).toBe("k2");
      expect(after.idNumberCipher).not.toBe(before.idNumberCipher);
    } finally {
      for (const [k, v] of [
        ["KUAIJI_ENC_KEY", saved.key],
        ["KUAIJI_ENC_KEY_ID", saved.id],
        ["KUAIJI_ENC_KEYS_OLD", saved.old],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
