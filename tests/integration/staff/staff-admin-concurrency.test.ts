import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ROLES_STALE } from "@/lib/staff/staff-admin-rules";
import { changeStaffRoles } from "@/lib/staff/staff-admin-service";
import { createEnrolledStaff, STAFF_CTX as ctx } from "../../support/staff";
import { staffAdminAt } from "./staff-admin-support";

// Two 管理员 change one account's roles at once, each from the roles their page showed: one
// change is made, the other is refused as stale (never silently lost under the first).

describe("用户管理: two 管理员 changing one account's roles at once", () => {
  it("one wins, the other is refused; the stored roles and the audit are the winner's", async () => {
    const city = await staffAdminAt("440100");
    const province = await staffAdminAt("440000");
    const t = await createEnrolledStaff(db, "440106", ["ce-review"]);
    const [a, b] = await Promise.all([
      changeStaffRoles(db, ctx, city, {
        staffId: t.id,
        roles: ["ce-review", "ce-course"],
        expected: ["ce-review"],
      }),
      changeStaffRoles(db, ctx, province, {
        staffId: t.id,
        roles: ["staff-admin"],
        expected: ["ce-review"],
      }),
    ]);
    const results = [a, b];
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      reason: "stale",
      fieldErrors: { roles: ROLES_STALE },
    });
    const winner = won[0]!;
    if (!winner.ok) throw new Error("unreachable");
    expect((await db.staff.findUniqueOrThrow({ where: { id: t.id } })).roles).toEqual(winner.roles);
    const audits = await db.auditEvent.findMany({
      where: { action: "staff.roles", targetId: t.id },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ before: ["ce-review"], after: winner.roles });
  });

  it("ten changes at once from the same view: exactly one is made", async () => {
    const admins = await Promise.all([0, 1, 2, 3, 4].map(() => staffAdminAt("440100")));
    const t = await createEnrolledStaff(db, "440106", ["ce-review"]);
    const results = await Promise.all(
      [...admins, ...admins].map((admin, i) =>
        changeStaffRoles(db, ctx, admin, {
          staffId: t.id,
          roles: i % 2 ? ["ce-course"] : ["ce-review", "ce-course"],
          expected: ["ce-review"],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(9);
    expect(await db.auditEvent.count({ where: { action: "staff.roles", targetId: t.id } })).toBe(1);
  });
});
