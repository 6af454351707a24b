import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import {
  NO_SUCH_ACCOUNT,
  NOT_OWN_ACCOUNT,
  OFFICE_OUTSIDE,
  ROLE_NOT_HELD,
  ROLES_STALE,
  type StaffAdmin,
} from "@/lib/staff/staff-admin-rules";
import {
  ALREADY_DISABLED,
  changeStaffRoles,
  createStaffAccount,
  disableStaffAccount,
  enableStaffAccount,
  NOT_DISABLED,
  resetStaffAccountPassword,
  resetStaffAccountSecondFactor,
  HOLDS_MORE_ROLES,
} from "@/lib/staff/staff-admin-service";
import { staffAccountDetail } from "@/lib/staff/staff-admin-queries";
import { disableStaff, USERNAME_TAKEN } from "@/lib/staff/staff-service";
import { checkStaffSession } from "@/lib/staff/staff-session";
import {
  createEnrolledStaff,
  passwordStep,
  STAFF_CTX as ctx,
  staffSessionOf,
} from "../../support/staff";
import { staffAdminAt } from "./staff-admin-support";
import { auditText } from "../../support/audit-text";

// 用户管理's authorisation matrix: a 广州市 管理员 (440100) against accounts of their own office,
// a county below (天河 440106), the sibling city (佛山 440600), the province above (440000) and
// themselves — for every write and the detail read. Each cell asserts the answer and, for a
// refusal, that nothing changed and nothing was audited.

type Relation = "own" | "child" | "sibling" | "parent" | "self";
const OFFICE: Record<Exclude<Relation, "self">, string> = {
  own: "440100",
  child: "440106",
  sibling: "440600",
  parent: "440000",
};
const EXPECTED: Record<Relation, "ok" | "unknown" | "self"> = {
  own: "ok",
  child: "ok",
  sibling: "unknown",
  parent: "unknown",
  self: "self",
};

async function targetOf(admin: StaffAdmin, relation: Relation) {
  if (relation === "self") return admin.staffId;
  return (await createEnrolledStaff(db, OFFICE[relation], ["ce-review"])).id;
}

async function auditCount(targetId: string) {
  return db.auditEvent.count({ where: { targetId, action: { startsWith: "staff." } } });
}

/** The reasons of an actor's refused attempts at an action, oldest first (details hold no more). */
async function deniedReasons(actorId: string, action: string): Promise<unknown[]> {
  const rows = await db.auditEvent.findMany({
    where: { actorId, action, outcome: "denied" },
    orderBy: { id: "asc" },
  });
  for (const r of rows) expect(Object.keys(r.details as object)).toEqual(["reason"]);
  return rows.map((r) => (r.details as { reason: unknown }).reason);
}

const snapshot = (id: string) =>
  db.staff.findUniqueOrThrow({
    where: { id },
    select: {
      roles: true,
      passwordHash: true,
      disabledAt: true,
      totpSecret: true,
      mustChangePassword: true,
    },
  });

const ACTIONS: Record<
  string,
  (admin: StaffAdmin, id: string) => Promise<{ ok: boolean; reason?: string; message?: string }>
> = {
  roles: async (admin, id) => {
    const { roles } = await db.staff.findUniqueOrThrow({ where: { id } });
    return changeStaffRoles(db, ctx, admin, {
      staffId: id,
      roles: ["ce-review", "ce-course"],
      expected: roles,
    });
  },
  "password-reset": (admin, id) => resetStaffAccountPassword(db, ctx, admin, id),
  "2fa-reset": (admin, id) => resetStaffAccountSecondFactor(db, ctx, admin, id),
  disable: (admin, id) => disableStaffAccount(db, ctx, admin, id),
  enable: async (admin, id) => {
    // an account closed by the operator, so that there is something to enable
    const { username } = await db.staff.findUniqueOrThrow({ where: { id } });
    if (id !== admin.staffId) await disableStaff(db, ctx, username);
    return enableStaffAccount(db, ctx, admin, id);
  },
};

describe("用户管理: the authorisation matrix (city 管理员 × own / child / sibling / parent / self)", () => {
  for (const [name, act] of Object.entries(ACTIONS)) {
    for (const relation of Object.keys(EXPECTED) as Relation[]) {
      it(`${name} on ${relation}: ${EXPECTED[relation]}`, async () => {
        const admin = await staffAdminAt("440100");
        const id = await targetOf(admin, relation);
        const audits = await auditCount(id);
        const before = await snapshot(id);
        const r = await act(admin, id);
        if (EXPECTED[relation] === "ok") {
          expect(r).toMatchObject({ ok: true, id });
          expect(await auditCount(id)).toBeGreaterThan(audits);
          return;
        }
        const message = EXPECTED[relation] === "self" ? NOT_OWN_ACCOUNT : NO_SUCH_ACCOUNT;
        expect(r).toMatchObject({ ok: false, reason: EXPECTED[relation], message });
        if (name !== "enable" || relation === "self") {
          expect(await snapshot(id)).toEqual(before);
          // reaching outside the office is on record as denied, under the 管理员's own office
          const refused = relation === "self" ? 0 : 1;
          expect(await auditCount(id)).toBe(audits + refused);
          if (refused) {
            const row = await db.auditEvent.findFirstOrThrow({
              where: { targetId: id, outcome: "denied" },
              orderBy: { id: "desc" },
            });
            expect(row).toMatchObject({ actorId: admin.staffId, regionCode: "440100" });
            expect(row.details).toEqual({ reason: "unknown-or-outside" });
          }
        } else {
          // only the operator's closing happened
          expect((await snapshot(id)).disabledAt).not.toBeNull();
        }
      });
    }
  }

  it("the detail page: own office and below, oneself read-only, nothing above or beside", async () => {
    const admin = await staffAdminAt("440100");
    for (const relation of Object.keys(EXPECTED) as Relation[]) {
      const id = await targetOf(admin, relation);
      const d = await staffAccountDetail(db, admin, id);
      if (EXPECTED[relation] === "unknown") expect(d).toBeNull();
      else expect(d?.reach).toBe(EXPECTED[relation] === "self" ? "self" : "manage");
    }
    expect(await staffAccountDetail(db, admin, "not-a-uuid")).toBeNull();
  });

  it("a county 管理员 cannot reach its city's accounts; the province reaches every office", async () => {
    const county = await staffAdminAt("440106");
    const cityAccount = await createEnrolledStaff(db, "440100");
    expect(await disableStaffAccount(db, ctx, county, cityAccount.id)).toMatchObject({
      ok: false,
      reason: "unknown",
    });
    const province = await staffAdminAt("440000");
    const provinceColleague = await createEnrolledStaff(db, "440000");
    expect((await disableStaffAccount(db, ctx, province, cityAccount.id)).ok).toBe(true);
    expect((await disableStaffAccount(db, ctx, province, provinceColleague.id)).ok).toBe(true);
  });

  it("a sibling 管理员 of the same office may act on another 管理员, never on oneself", async () => {
    const a = await staffAdminAt("440100");
    const b = await staffAdminAt("440100");
    expect((await resetStaffAccountPassword(db, ctx, a, b.staffId)).ok).toBe(true);
    expect(await resetStaffAccountPassword(db, ctx, a, a.staffId)).toMatchObject({
      ok: false,
      reason: "self",
    });
  });

  it("every write needs the 管理员 role, checked in the service", async () => {
    const clerk = await staffAdminAt("440100", ["ce-review"]);
    const target = await createEnrolledStaff(db, "440106", ["ce-review"]);
    const denied = { ok: false, reason: "denied", message: ROLE_DENIED };
    for (const act of Object.values(ACTIONS)) {
      expect(await act(clerk, target.id)).toMatchObject(denied);
    }
    expect(
      await createStaffAccount(db, ctx, clerk, {
        username: "clerk-made-1",
        name: "张三",
        regionCode: "440106",
        roles: ["ce-review"],
      }),
    ).toMatchObject(denied);
    expect(await staffAccountDetail(db, clerk, target.id)).toBeNull();
  });
});

describe("新建账号", () => {
  it("creates an account below the 管理员 with a one-time password that must be changed at first login", async () => {
    const admin = await staffAdminAt("440100");
    const r = await createStaffAccount(db, ctx, admin, {
      username: "Tianhe-Review1",
      name: "李明",
      regionCode: "440106",
      roles: ["ce-review"],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const row = await db.staff.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({
      username: "tianhe-review1",
      regionCode: "440106",
      roles: ["ce-review"],
      mustChangePassword: true,
      totpEnrolledAt: null,
      disabledAt: null,
    });
    expect(await passwordStep(db, "tianhe-review1", r.password)).toMatchObject({
      ok: true,
      step: "change-password",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.create", targetId: r.id },
    });
    expect(audit).toMatchObject({
      actorType: "staff",
      actorId: admin.staffId,
      regionCode: "440106",
      details: { roles: ["ce-review"] },
    });
    expect(auditText(audit)).not.toContain(r.password);
  });

  it("refuses an office above or beside, a role the 管理员 lacks, and a 登录名 in use", async () => {
    const admin = await staffAdminAt("440100", ["staff-admin", "ce-review"]);
    const input = {
      username: "gz-new-2",
      name: "王五",
      regionCode: "440106",
      roles: ["ce-review" as const],
    };
    for (const regionCode of ["440000", "440600", "440300x"]) {
      expect(await createStaffAccount(db, ctx, admin, { ...input, regionCode })).toMatchObject({
        ok: false,
        fieldErrors: { regionCode: OFFICE_OUTSIDE },
      });
    }
    expect(
      await createStaffAccount(db, ctx, admin, {
        ...input,
        roles: ["ce-review", "export"] as const,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { roles: ROLE_NOT_HELD } });
    expect(await db.staff.count({ where: { username: "gz-new-2" } })).toBe(0);
    // each refused attempt on record as denied, with its reason and nothing personal
    expect(await deniedReasons(admin.staffId, "staff.create")).toEqual([
      "office-outside",
      "office-outside",
      "office-outside",
      "role-not-held",
    ]);
    expect((await createStaffAccount(db, ctx, admin, input)).ok).toBe(true);
    expect(await createStaffAccount(db, ctx, admin, input)).toMatchObject({
      ok: false,
      fieldErrors: { username: USERNAME_TAKEN },
    });
  });
});

describe("修改权限", () => {
  it("grants and removes only roles the 管理员 holds; others stay; audited before and after", async () => {
    const admin = await staffAdminAt("440100", ["staff-admin", "ce-review", "ce-course"]);
    const t = await createEnrolledStaff(db, "440106", ["export", "ce-review"]);
    const r = await changeStaffRoles(db, ctx, admin, {
      staffId: t.id,
      roles: ["ce-course"],
      expected: ["ce-review", "export"],
    });
    expect(r).toMatchObject({ ok: true, roles: ["ce-course", "export"] });
    expect((await db.staff.findUniqueOrThrow({ where: { id: t.id } })).roles).toEqual([
      "ce-course",
      "export",
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.roles", targetId: t.id },
    });
    expect(audit).toMatchObject({
      actorType: "staff",
      actorId: admin.staffId,
      regionCode: "440106",
      details: { before: ["export", "ce-review"], after: ["ce-course", "export"] },
    });

    expect(
      await changeStaffRoles(db, ctx, admin, {
        staffId: t.id,
        roles: ["ce-course", "export"],
        expected: ["ce-course", "export"],
      }),
    ).toMatchObject({ ok: false, fieldErrors: { roles: ROLE_NOT_HELD } });
    expect(await deniedReasons(admin.staffId, "staff.roles")).toEqual(["role-not-held"]);
  });

  it("refuses a change made on roles another 管理员 has changed since (stale)", async () => {
    const admin = await staffAdminAt("440100");
    const t = await createEnrolledStaff(db, "440106", ["ce-review"]);
    const r = await changeStaffRoles(db, ctx, admin, {
      staffId: t.id,
      roles: ["ce-course"],
      expected: ["ce-review", "ce-course"],
    });
    expect(r).toMatchObject({ ok: false, reason: "stale", fieldErrors: { roles: ROLES_STALE } });
    expect((await db.staff.findUniqueOrThrow({ where: { id: t.id } })).roles).toEqual([
      "ce-review",
    ]);
  });
});

describe("重置密码, 重置动态口令, 停用 and 启用", () => {
  it("never hands a 管理员 the way into an account with roles they lack (no reset, no 启用)", async () => {
    const admin = await staffAdminAt("440100");
    const t = await createEnrolledStaff(db, "440106", ["ce-review", "export-full"]);
    const before = await db.staff.findUniqueOrThrow({ where: { id: t.id } });
    for (const act of [resetStaffAccountPassword, resetStaffAccountSecondFactor]) {
      expect(await act(db, ctx, admin, t.id)).toMatchObject({
        ok: false,
        message: HOLDS_MORE_ROLES,
      });
    }
    await disableStaff(db, ctx, t.username);
    expect(await enableStaffAccount(db, ctx, admin, t.id)).toMatchObject({
      ok: false,
      message: HOLDS_MORE_ROLES,
    });
    const after = await db.staff.findUniqueOrThrow({ where: { id: t.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.totpSecret).toBe(before.totpSecret);
    expect(after.disabledAt).not.toBeNull();
    for (const action of ["staff.password-reset", "staff.second-factor-reset", "staff.enable"]) {
      expect(await deniedReasons(admin.staffId, action)).toEqual(["holds-more-roles"]);
    }
    // The province's 管理员 holding export-full may.
    const province = await staffAdminAt("440000", ["staff-admin", "ce-review", "export-full"]);
    expect((await resetStaffAccountPassword(db, ctx, province, t.id)).ok).toBe(true);
  });

  it("重置密码 ends the sessions; only the new one-time password opens the account, to be changed", async () => {
    const admin = await staffAdminAt("440100");
    const t = await createEnrolledStaff(db, "440106");
    const session = await staffSessionOf(db, t);
    const r = await resetStaffAccountPassword(db, ctx, admin, t.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await checkStaffSession(db, ctx, session)).toEqual({ ok: false, reason: "revoked" });
    expect((await passwordStep(db, t.username, t.password)).ok).toBe(false);
    // enrolled: the authenticator's code first, then the password is changed
    expect(await passwordStep(db, t.username, r.password)).toMatchObject({
      ok: true,
      step: "second-factor",
    });
    expect((await db.staff.findUniqueOrThrow({ where: { id: t.id } })).mustChangePassword).toBe(
      true,
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.password-reset", targetId: t.id },
    });
    expect(audit).toMatchObject({
      actorType: "staff",
      actorId: admin.staffId,
      regionCode: "440106",
    });
    expect(auditText(audit)).not.toContain(r.password);
  });

  it("重置动态口令 clears the authenticator, ends sessions and gives a one-time password", async () => {
    const admin = await staffAdminAt("440000");
    const t = await createEnrolledStaff(db, "440106");
    const session = await staffSessionOf(db, t);
    const r = await resetStaffAccountSecondFactor(db, ctx, admin, t.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await checkStaffSession(db, ctx, session)).toEqual({ ok: false, reason: "revoked" });
    expect(await db.staff.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      totpSecret: null,
      totpEnrolledAt: null,
      mustChangePassword: true,
    });
    expect((await passwordStep(db, t.username, r.password)).ok).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.second-factor-reset", targetId: t.id },
    });
    expect(audit).toMatchObject({ actorType: "staff", actorId: admin.staffId });
  });

  it("停用 ends the sessions and the login; 启用 opens it again; each said once", async () => {
    const admin = await staffAdminAt("440100");
    const t = await createEnrolledStaff(db, "440100");
    const session = await staffSessionOf(db, t);
    expect(await disableStaffAccount(db, ctx, admin, t.id)).toEqual({ ok: true, id: t.id });
    expect(await checkStaffSession(db, ctx, session)).toEqual({ ok: false, reason: "revoked" });
    expect((await passwordStep(db, t.username, t.password)).ok).toBe(false);
    expect(await disableStaffAccount(db, ctx, admin, t.id)).toMatchObject({
      ok: false,
      message: ALREADY_DISABLED,
    });

    expect(await enableStaffAccount(db, ctx, admin, t.id)).toEqual({ ok: true, id: t.id });
    expect(await passwordStep(db, t.username, t.password)).toMatchObject({ ok: true });
    expect(await enableStaffAccount(db, ctx, admin, t.id)).toMatchObject({
      ok: false,
      message: NOT_DISABLED,
    });
    const actions = await db.auditEvent.findMany({
      where: { targetId: t.id, action: { in: ["staff.disable", "staff.enable"] } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId, a.regionCode])).toEqual([
      ["staff.disable", admin.staffId, "440100"],
      ["staff.enable", admin.staffId, "440100"],
    ]);
  });
});
