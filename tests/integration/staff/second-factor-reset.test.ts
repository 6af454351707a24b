import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkStaffSession } from "@/lib/staff/staff-session";
import {
  NO_SUCH_STAFF,
  NOT_OWN_RESET,
  type ResetActor,
  resetSecondFactor,
} from "@/lib/staff/second-factor-reset";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import {
  createEnrolledStaff,
  passwordStep,
  STAFF_CTX as ctx,
  staffSessionOf,
} from "../../support/staff";

async function admin(regionCode: string, roles: ("staff-admin" | "ce-review")[] = ["staff-admin"]) {
  const s = await createEnrolledStaff(db, regionCode, roles);
  return { kind: "staff" as const, staffId: s.id, regionCode, roles } satisfies ResetActor;
}

/** The new initial password the administrator hands over. */
const NEW_PASSWORD = "Reset#2026kuaiji";

describe("重置动态验证码", () => {
  it("an administrator of the same office resets a colleague: sessions end, the next login enrols", async () => {
    const colleague = await createEnrolledStaff(db, "440100");
    const session = await staffSessionOf(db, colleague);
    const r = await resetSecondFactor(
      db,
      ctx,
      await admin("440100"),
      colleague.username,
      NEW_PASSWORD,
    );
    expect(r).toEqual({ ok: true, id: colleague.id });

    expect(await checkStaffSession(db, ctx, session)).toEqual({ ok: false, reason: "revoked" });
    const row = await db.staff.findUniqueOrThrow({ where: { id: colleague.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null });
    expect(await db.staffRecoveryCode.count({ where: { staffId: colleague.id } })).toBe(0);
    // The old password no longer opens anything: whoever had it cannot enrol their own phone.
    expect(await passwordStep(db, colleague.username, colleague.password)).toMatchObject({
      ok: false,
    });
    expect(await passwordStep(db, colleague.username, NEW_PASSWORD)).toMatchObject({
      ok: true,
      step: "change-password",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.second-factor-reset", targetId: colleague.id },
    });
    expect(audit).toMatchObject({ actorType: "staff", outcome: "success", regionCode: "440100" });
  });

  it("an administrator above (province over a county) may reset too", async () => {
    const county = await createEnrolledStaff(db, "440106");
    expect(
      await resetSecondFactor(db, ctx, await admin("440000"), county.username, NEW_PASSWORD),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses an administrator of a sibling or a lower office as if the account did not exist", async () => {
    const city = await createEnrolledStaff(db, "440100");
    const unknown = {
      ok: false,
      reason: "unknown-username",
      fieldErrors: { username: NO_SUCH_STAFF },
    };
    // 佛山 is 广州's sibling; 天河 lies below 广州
    expect(
      await resetSecondFactor(db, ctx, await admin("440600"), city.username, NEW_PASSWORD),
    ).toMatchObject(unknown);
    expect(
      await resetSecondFactor(db, ctx, await admin("440106"), city.username, NEW_PASSWORD),
    ).toMatchObject(unknown);
    expect(
      await resetSecondFactor(db, ctx, await admin("440100"), "no-such-user", NEW_PASSWORD),
    ).toMatchObject(unknown);
    // nothing was reset
    const row = await db.staff.findUniqueOrThrow({ where: { id: city.id } });
    expect(row.totpEnrolledAt).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "staff.second-factor-reset", targetId: city.id },
      }),
    ).toBe(0);
  });

  it("needs the 管理员 role, and is not for one's own account", async () => {
    const colleague = await createEnrolledStaff(db, "440100");
    expect(
      await resetSecondFactor(
        db,
        ctx,
        await admin("440100", ["ce-review"]),
        colleague.username,
        NEW_PASSWORD,
      ),
    ).toMatchObject({ ok: false, reason: "denied", message: ROLE_DENIED });
    const self = await admin("440100");
    const own = await db.staff.findUniqueOrThrow({ where: { id: self.staffId } });
    expect(await resetSecondFactor(db, ctx, self, own.username, NEW_PASSWORD)).toMatchObject({
      ok: false,
      reason: "self",
      fieldErrors: { username: NOT_OWN_RESET },
    });
  });

  it("the operator's shell may reset any account (audited as the system)", async () => {
    const s = await createEnrolledStaff(db, "440106");
    expect(
      await resetSecondFactor(db, ctx, { kind: "operator" }, s.username, NEW_PASSWORD),
    ).toMatchObject({
      ok: true,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.second-factor-reset", targetId: s.id },
    });
    expect(audit.actorType).toBe("system");
  });
});
