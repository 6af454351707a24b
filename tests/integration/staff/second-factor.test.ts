import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import { checkStaffSession } from "@/lib/staff/staff-session";
import { beginEnrolment, confirmEnrolment } from "@/lib/staff/enrolment-service";
import { CODE_REPLAYED, verifySecondFactor } from "@/lib/staff/second-factor-service";
import {
  changeInitialPassword,
  completeSignIn,
  SAME_AS_INITIAL,
} from "@/lib/staff/sign-in-service";
import { totpCode } from "@/lib/staff/totp";
import {
  createEnrolledStaff,
  createTestStaff,
  passwordStep,
  STAFF_CTX as ctx,
} from "../../support/staff";

const NEW_PASSWORD = "Eigenes-Passw0rt";
const later = (t: Date, seconds: number) => new Date(t.getTime() + seconds * 1000);

async function signIn(username: string, password: string, now = new Date()) {
  const r = await passwordStep(db, username, password, now);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** A first login through every step; the secret and recovery codes as the page showed them. */
async function firstLogin(now = new Date()) {
  const s = await createTestStaff(db, "440106");
  const r = await signIn(s.username, s.password, now);
  const changed = await changeInitialPassword(db, ctx, r.token, { newPassword: NEW_PASSWORD }, now);
  if (!changed.ok) throw new Error(changed.message);
  const enrolment = await beginEnrolment(db, ctx, r.token, now);
  if (!enrolment.ok) throw new Error(enrolment.message);
  const code = totpCode(enrolment.secret, now);
  const done = await confirmEnrolment(db, ctx, r.token, { code }, now);
  if (!done.ok) throw new Error(done.message);
  const session = await completeSignIn(db, ctx, r.token, now);
  if (!session.ok) throw new Error(session.message);
  return { ...s, password: NEW_PASSWORD, secret: enrolment.secret, codes: done.recoveryCodes };
}

describe("首次登录", () => {
  it("changes the initial password, enrols TOTP with recovery codes, then opens the session", async () => {
    const t0 = new Date();
    const s = await createTestStaff(db, "440106");
    const r = await signIn(s.username, s.password, t0);
    expect(r.step).toBe("change-password");
    // no other step is open before that one
    expect(await beginEnrolment(db, ctx, r.token, t0)).toMatchObject({ reason: "expired" });
    expect(await completeSignIn(db, ctx, r.token, t0)).toMatchObject({ reason: "expired" });

    expect(
      await changeInitialPassword(db, ctx, r.token, { newPassword: s.password }, t0),
    ).toMatchObject({ fieldErrors: { newPassword: SAME_AS_INITIAL } });
    const changed = await changeInitialPassword(
      db,
      ctx,
      r.token,
      { newPassword: NEW_PASSWORD },
      t0,
    );
    expect(changed).toEqual({ ok: true, step: "enrol" });

    const enrolment = await beginEnrolment(db, ctx, r.token, t0);
    if (!enrolment.ok) throw new Error(enrolment.message);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    // a reload shows the same secret the phone may have scanned
    expect(await beginEnrolment(db, ctx, r.token, t0)).toMatchObject({ secret: enrolment.secret });

    const wrong = await confirmEnrolment(
      db,
      ctx,
      r.token,
      { code: totpCode(enrolment.secret, later(t0, 600)) },
      t0,
    );
    expect(wrong).toMatchObject({ ok: false, reason: "wrong" });
    expect(!wrong.ok && wrong.fieldErrors?.code).toMatch(/动态验证码错误.*还可尝试 4 次/);

    const done = await confirmEnrolment(
      db,
      ctx,
      r.token,
      { code: totpCode(enrolment.secret, t0) },
      t0,
    );
    if (!done.ok) throw new Error(done.message);
    expect(done.recoveryCodes).toHaveLength(10);
    for (const c of done.recoveryCodes) expect(c).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);

    const row = await db.staff.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(row.totpSecret).not.toContain(enrolment.secret);
    expect(decryptField(row.totpSecret!)).toBe(enrolment.secret);
    const stored = await db.staffRecoveryCode.findMany({ where: { staffId: s.id } });
    expect(stored).toHaveLength(10);
    for (const c of done.recoveryCodes) {
      expect(stored.some((x) => x.codeHash.includes(c.replace("-", "")))).toBe(false);
    }

    const session = await completeSignIn(db, ctx, r.token, t0);
    if (!session.ok) throw new Error(session.message);
    expect(await checkStaffSession(db, ctx, session.sessionId, t0)).toMatchObject({ ok: true });
    // the sign-in is used up
    expect(await completeSignIn(db, ctx, r.token, t0)).toMatchObject({ reason: "expired" });

    const actions = await db.auditEvent.findMany({
      where: { actorId: s.id },
      orderBy: { id: "asc" },
      select: { action: true, outcome: true },
    });
    expect(actions).toEqual([
      { action: "auth.password", outcome: "success" },
      { action: "auth.password-change", outcome: "success" },
      { action: "auth.second-factor", outcome: "failure" },
      { action: "auth.totp-enrol", outcome: "success" },
      { action: "auth.login", outcome: "success" },
    ]);
  });

  it("a sign-in is bound to its browser and lives five minutes after its last step", async () => {
    const t0 = new Date();
    const s = await createTestStaff(db, "440106");
    const r = await signIn(s.username, s.password, t0);
    const otherBrowser = { ...ctx, userAgent: "another browser" };
    expect(
      await changeInitialPassword(db, otherBrowser, r.token, { newPassword: NEW_PASSWORD }, t0),
    ).toMatchObject({ reason: "expired" });
    expect(
      await changeInitialPassword(db, ctx, r.token, { newPassword: NEW_PASSWORD }, later(t0, 301)),
    ).toMatchObject({ reason: "expired" });
    expect(
      await changeInitialPassword(db, ctx, r.token, { newPassword: NEW_PASSWORD }, later(t0, 299)),
    ).toMatchObject({
      ok: true,
    });
    // the step gave it five minutes more
    expect(await beginEnrolment(db, ctx, r.token, later(t0, 590))).toMatchObject({ ok: true });
  });
});

describe("动态验证码", () => {
  it("opens the session with the authenticator's code, and refuses the same code again", async () => {
    const t0 = new Date();
    const s = await createEnrolledStaff(db, "440100");
    const first = await signIn(s.username, s.password, t0);
    expect(first.step).toBe("second-factor");
    const code = totpCode(s.totpSecret, t0);
    expect(await verifySecondFactor(db, ctx, first.token, { code }, t0)).toEqual({
      ok: true,
      step: "done",
      recoveryCodesLeft: null,
    });
    expect((await completeSignIn(db, ctx, first.token, t0)).ok).toBe(true);

    // someone who saw the code, within its 30 seconds
    const second = await signIn(s.username, s.password, later(t0, 5));
    const replay = await verifySecondFactor(db, ctx, second.token, { code }, later(t0, 5));
    expect(replay).toMatchObject({ ok: false, reason: "replayed" });
    expect(!replay.ok && replay.fieldErrors?.code).toContain(CODE_REPLAYED);
    // the next code is fine
    const next = totpCode(s.totpSecret, later(t0, 30));
    expect(
      await verifySecondFactor(db, ctx, second.token, { code: next }, later(t0, 31)),
    ).toMatchObject({
      ok: true,
    });
  });

  it("of two sign-ins sending the same code at once, only one gets in", async () => {
    const t0 = new Date();
    const s = await createEnrolledStaff(db, "440100");
    const a = await signIn(s.username, s.password, t0);
    const b = await signIn(s.username, s.password, t0);
    const code = totpCode(s.totpSecret, t0);
    const results = await Promise.all([
      verifySecondFactor(db, ctx, a.token, { code }, t0),
      verifySecondFactor(db, ctx, b.token, { code }, t0),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: "replayed" });
  });

  it("takes each recovery code once, audited, and says how many are left", async () => {
    const s = await firstLogin();
    const t1 = new Date();
    const r = await signIn(s.username, s.password, t1);
    const used = s.codes[3]!;
    expect(await verifySecondFactor(db, ctx, r.token, { code: used.toUpperCase() }, t1)).toEqual({
      ok: true,
      step: "done",
      recoveryCodesLeft: 9,
    });
    expect((await completeSignIn(db, ctx, r.token, t1)).ok).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.recovery-code", actorId: s.id },
    });
    expect(audit.details).toMatchObject({ remaining: 9 });
    expect(JSON.stringify(audit.details)).not.toContain(used.replace("-", ""));

    const again = await signIn(s.username, s.password, t1);
    expect(await verifySecondFactor(db, ctx, again.token, { code: used }, t1)).toMatchObject({
      ok: false,
      reason: "wrong",
      fieldErrors: { code: expect.stringMatching(/恢复码错误或已使用/) },
    });
    // another of the codes still works
    expect(await verifySecondFactor(db, ctx, again.token, { code: s.codes[4]! }, t1)).toMatchObject(
      {
        ok: true,
        recoveryCodesLeft: 8,
      },
    );
  });

  it("20 wrong codes at once: at most the lock's threshold are checked, then the account is locked", async () => {
    const t0 = new Date();
    const s = await createEnrolledStaff(db, "440100");
    const r = await signIn(s.username, s.password, t0);
    const wrong = totpCode(s.totpSecret, later(t0, 3600));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifySecondFactor(db, ctx, r.token, { code: wrong }, t0)),
    );
    const checked = results.filter((x) => !x.ok && x.reason === "wrong").length;
    const locked = results.filter((x) => !x.ok && x.reason === "locked").length;
    // the 5th wrong one sets the lock itself and answers "locked"
    expect(checked + locked).toBe(20);
    expect(checked).toBe(4);
    const failures = await db.auditEvent.count({
      where: { action: "auth.second-factor", outcome: "failure", actorId: s.id },
    });
    expect(failures).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", actorId: s.id } })).toBe(1);
    // locked: even the right code is not checked now, nor the password
    const right = await verifySecondFactor(
      db,
      ctx,
      r.token,
      { code: totpCode(s.totpSecret, t0) },
      t0,
    );
    expect(right).toMatchObject({
      ok: false,
      reason: "locked",
      fieldErrors: { code: expect.stringMatching(/验证码错误次数过多，账户已锁定/) },
    });
    // A new sign-in with the password changes nothing: the codes' lock is the account's.
    const again = await signIn(s.username, s.password, t0);
    expect(
      await verifySecondFactor(db, ctx, again.token, { code: totpCode(s.totpSecret, t0) }, t0),
    ).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a right password does not clear the count of wrong codes", async () => {
    const t0 = new Date();
    const s = await createEnrolledStaff(db, "440100");
    const wrong = totpCode(s.totpSecret, later(t0, 3600));
    const reasons: string[] = [];
    // Four wrong codes, the password again, and so on: the fifth wrong code locks all the same.
    for (let round = 0; round < 2; round++) {
      const r = await signIn(s.username, s.password, t0);
      for (let i = 0; i < 4; i++) {
        const x = await verifySecondFactor(db, ctx, r.token, { code: wrong }, t0);
        if (!x.ok) reasons.push(x.reason);
      }
    }
    expect(reasons).toEqual([
      "wrong",
      "wrong",
      "wrong",
      "wrong",
      "locked",
      "locked",
      "locked",
      "locked",
    ]);
  });
});
