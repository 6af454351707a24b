import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/account/login-service";
import { checkSession, logout } from "@/lib/account/session-service";
import { authenticateStaff } from "@/lib/staff/staff-login-service";
import { checkStaffSession } from "@/lib/staff/staff-session";
import {
  createStaff,
  disableStaff,
  resetStaffPassword,
  USERNAME_TAKEN,
} from "@/lib/staff/staff-service";
import { USERNAME_RULE } from "@/lib/staff/staff-fields";
import { freshClient, solvedCaptcha } from "../../support/accounts";
import { createPerson } from "../../support/person";
import {
  createEnrolledStaff,
  createTestStaff,
  STAFF_PASSWORD,
  staffSessionOf,
} from "../../support/staff";

// each test its own client: wrong passwords of one must not put a captcha before the next
let ctx = freshClient();
beforeEach(() => {
  ctx = freshClient();
});

async function staffLogin(username: string, password: string, now = new Date()) {
  return authenticateStaff(db, ctx, { username, password, ...(await solvedCaptcha(db, now)) }, now);
}

describe("财政部门账号", () => {
  it("creates an account for a region of the jurisdiction, with Chinese field errors", async () => {
    const bad = await createStaff(db, ctx, {
      username: "1x",
      name: " ",
      regionCode: "440300",
      roles: [],
      password: "short",
    });
    expect(bad).toEqual({
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: {
        username: USERNAME_RULE,
        name: "请输入姓名",
        regionCode: "所属财政部门的行政区划不在本平台管辖范围内",
        roles: "请至少选择一项权限",
        password: "密码至少需要8位",
      },
    });
    const s = await createTestStaff(db, "440100");
    const row = await db.staff.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ username: s.username, regionCode: "440100" });
    expect(row.passwordHash).not.toContain(STAFF_PASSWORD);
    const again = await createStaff(db, ctx, {
      username: s.username.toUpperCase(),
      name: "重名",
      regionCode: "440100",
      roles: ["ce-review"],
      password: STAFF_PASSWORD,
    });
    expect(again).toEqual({
      ok: false,
      reason: "username-taken",
      message: "",
      fieldErrors: { username: USERNAME_TAKEN },
    });
    expect(await db.auditEvent.count({ where: { action: "staff.create", targetId: s.id } })).toBe(
      1,
    );
  });

  it("gives a 登录名 to one of two operators creating it at once", async () => {
    const username = `t-${Date.now().toString(36)}`;
    const create = () =>
      createStaff(db, ctx, {
        username,
        name: "同名",
        regionCode: "440100",
        roles: ["ce-review"],
        password: STAFF_PASSWORD,
      });
    const results = await Promise.all([create(), create()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      reason: "username-taken",
      fieldErrors: { username: USERNAME_TAKEN },
    });
    expect(await db.staff.count({ where: { username } })).toBe(1);
  });
});

describe("财政部门登录", () => {
  it("logs in by 登录名 in any case and opens a staff session that is not an accountant's", async () => {
    const s = await createEnrolledStaff(db, "440106");
    const r = {
      sessionId: await staffSessionOf(
        db,
        { ...s, username: ` ${s.username.toUpperCase()} ` },
        new Date(),
        ctx,
      ),
    };
    const check = await checkStaffSession(db, ctx, r.sessionId);
    expect(check).toMatchObject({
      ok: true,
      staff: { staffId: s.id, regionCode: "440106", officeName: "天河区财政局" },
    });
    expect(await checkSession(db, ctx, r.sessionId)).toEqual({ ok: false, reason: "missing" });

    const p = await createPerson(db);
    const person = await authenticate(db, ctx, { idNumber: p.idNumber, password: p.password });
    if (!person.ok) throw new Error("person login failed");
    expect(await checkStaffSession(db, ctx, person.sessionId)).toEqual({
      ok: false,
      reason: "missing",
    });
    const audits = await db.auditEvent.findMany({
      where: { action: { in: ["auth.password", "auth.login"] }, actorId: s.id },
      orderBy: { id: "asc" },
    });
    // the password, then the login itself once the second factor passed
    expect(audits.map((a) => [a.action, a.outcome, (a.details as { step?: string }).step])).toEqual(
      [
        ["auth.password", "success", "password"],
        ["auth.login", "success", "complete"],
      ],
    );

    await logout(db, ctx, {
      sessionId: r.sessionId,
      actorType: "staff",
      actorId: s.id,
      regionCode: "440106",
    });
    expect(await checkStaffSession(db, ctx, r.sessionId)).toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("answers an unknown 登录名 exactly as a wrong password, and locks after 5 failures", async () => {
    const s = await createTestStaff(db, "440100");
    const now = new Date();
    const wrong = await authenticateStaff(db, ctx, { username: s.username, password: "x" }, now);
    const unknown = await authenticateStaff(
      db,
      ctx,
      { username: `${s.username}-nobody`, password: "x" },
      now,
    );
    expect(wrong).toEqual({
      ok: false,
      code: "invalid",
      message: "登录名或密码错误，还可尝试 4 次",
      captchaRequired: true,
    });
    expect(unknown).toEqual(wrong);
    // After a failure the captcha is required.
    expect(
      await authenticateStaff(db, ctx, { username: s.username, password: s.password }),
    ).toEqual({ ok: false, code: "captcha", message: "请输入图形验证码", captchaRequired: true });
    let last = wrong;
    for (let i = 0; i < 4; i++) last = await staffLogin(s.username, "Wrong-pass1", now);
    expect(last).toMatchObject({ ok: false, code: "locked" });
    expect(!last.ok && last.message).toMatch(/账户已锁定.*联系本单位平台管理员重置密码/);
    expect((await staffLogin(s.username, s.password, now)).ok).toBe(false);

    // The operator's reset lifts the lock and ends nothing but what was open.
    expect((await resetStaffPassword(db, ctx, s.username, "Neu-Passw0rd")).ok).toBe(true);
    const after = await staffLogin(s.username, "Neu-Passw0rd");
    // the operator knows the new password: the sign-in asks for a new one first
    expect(after).toMatchObject({ ok: true, step: "change-password" });
  });

  it("a closed account cannot log in and its open session ends", async () => {
    const s = await createEnrolledStaff(db, "440100");
    const r = { sessionId: await staffSessionOf(db, s, new Date(), ctx) };
    expect(await disableStaff(db, ctx, s.username)).toBe(true);
    expect(await checkStaffSession(db, ctx, r.sessionId)).toEqual({
      ok: false,
      reason: "revoked",
    });
    const again = await authenticateStaff(db, ctx, { username: s.username, password: s.password });
    expect(again).toMatchObject({ ok: false, code: "invalid" });
    expect(await disableStaff(db, ctx, "no-such-user")).toBe(false);
  });

  it("refuses a session row that belongs to nobody or to both (CHECK)", async () => {
    const s = await createTestStaff(db, "440100");
    const p = await createPerson(db);
    const expires = new Date(Date.now() + 3_600_000);
    await expect(db.authSession.create({ data: { expiresAt: expires } })).rejects.toThrow();
    await expect(
      db.authSession.create({ data: { expiresAt: expires, personId: p.id, staffId: s.id } }),
    ).rejects.toThrow();
  });
});
