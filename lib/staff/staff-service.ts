import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { invalidRefusal } from "@/lib/http/action-result";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/crypto/password-hash";
import { passwordProblems } from "@/lib/account/password-policy";
import { clearLoginFailures } from "@/lib/account/login-throttle";
import { isInJurisdiction } from "@/lib/region/divisions";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";
import { usernameSchema } from "./username-schema";
import { endSignInsOf } from "./sign-in-store";
import { staffThrottleKey } from "./staff-login-service";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// Finance staff accounts. The first administrator comes from the operator's shell (`npm run staff`,
// scripts/staff.ts; the embedded default seeds demo staff); after that a 管理员 manages the accounts
// of their office and below in the console (staff-admin-service.ts checks who may, then calls
// these). Every change is audited: as "system" from the operator's shell, else as the 管理员.

export const USERNAME_TAKEN = "该登录名已被使用";

/** Who changes an account: the operator's shell, or a 管理员 whose office and roles were checked. */
export type AccountActor = { kind: "operator" } | { kind: "staff"; staffId: string };
const OPERATOR: AccountActor = { kind: "operator" };

function auditActor(actor: AccountActor) {
  return actor.kind === "operator"
    ? { actorType: "system" as const }
    : { actorType: "staff" as const, actorId: actor.staffId };
}

const newStaffSchema = z.object({
  username: usernameSchema,
  name: z.string().trim().min(1, "请输入姓名").max(100, "姓名不能超过100个字"),
  regionCode: z
    .string()
    .refine((c) => isInJurisdiction(c), "所属财政部门的行政区划不在本平台管辖范围内"),
  roles: z.array(codeTableSchema(STAFF_ROLES)).min(1, "请至少选择一项权限"),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblems(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});
export type NewStaff = z.input<typeof newStaffSchema>;

/** Refusals name the operator's fields (scripts/staff.ts prints them). */
export type StaffWriteResult =
  | { ok: true; id: string }
  | (Refusal<"invalid" | "username-taken" | "unknown-username"> & {
      fieldErrors: Record<string, string>;
    });

export async function createStaff(
  db: Db,
  ctx: RequestContext,
  input: NewStaff,
  actor: AccountActor = OPERATOR,
): Promise<StaffWriteResult> {
  const parsed = newStaffSchema.safeParse(input);
  if (!parsed.success) {
    return invalidRefusal(parsed.error.issues);
  }
  const s = parsed.data;
  const passwordHash = await hashPassword(s.password);
  const taken = fieldRefusal("username-taken", "username", USERNAME_TAKEN);
  return refusableTransaction<StaffWriteResult>(
    db,
    async (tx) => {
      if (await tx.staff.findUnique({ where: { username: s.username }, select: { id: true } })) {
        return taken;
      }
      const created = await tx.staff.create({
        data: {
          username: s.username,
          name: s.name,
          regionCode: s.regionCode,
          roles: [...new Set(s.roles)],
          passwordHash,
          // the operator knows this password: the first login replaces it and enrols TOTP
          mustChangePassword: true,
        },
        select: { id: true },
      });
      await writeAudit(tx, ctx, {
        ...auditActor(actor),
        action: "staff.create",
        outcome: "success",
        regionCode: s.regionCode,
        targetType: "staff",
        targetId: created.id,
        details: { roles: s.roles },
      });
      return { ok: true as const, id: created.id };
    },
    // Two operators creating the same 登录名 at once: the unique index decides.
    { onUniqueViolation: () => taken, uniqueOn: "username" },
  );
}

/** Closes an account: it cannot log in, and its open sessions end at their next request. */
export async function disableStaff(
  db: Db,
  ctx: RequestContext,
  username: string,
  now = new Date(),
  actor: AccountActor = OPERATOR,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { username }, select: { id: true } });
    if (!staff) return false;
    const row = await tx.staff.update({
      where: { id: staff.id },
      data: { disabledAt: now },
      select: { regionCode: true },
    });
    await tx.authSession.updateMany({
      where: { staffId: staff.id, revokedAt: null },
      data: { revokedAt: now, revokeReason: "account-closed" },
    });
    await endSignInsOf(tx, staff.id, now);
    await writeAudit(tx, ctx, {
      ...auditActor(actor),
      action: "staff.disable",
      outcome: "success",
      regionCode: row.regionCode,
      targetType: "staff",
      targetId: staff.id,
    });
    return true;
  });
}

/**
 * Sets a new password (the operator hands it over), ends the sessions and lifts a lockout. The
 * operator knows it, so the next login replaces it (after the second factor, if enrolled).
 */
export async function resetStaffPassword(
  db: Db,
  ctx: RequestContext,
  username: string,
  password: string,
  now = new Date(),
  actor: AccountActor = OPERATOR,
): Promise<StaffWriteResult> {
  const problem = passwordProblems(password);
  if (problem) return fieldRefusal("invalid", "password", problem);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({
      where: { username },
      select: { id: true, regionCode: true },
    });
    if (!staff) return fieldRefusal("unknown-username", "username", "没有这个登录名");
    await tx.staff.update({
      where: { id: staff.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: true },
    });
    await tx.authSession.updateMany({
      where: { staffId: staff.id, revokedAt: null },
      data: { revokedAt: now, revokeReason: "password-reset" },
    });
    await endSignInsOf(tx, staff.id, now);
    await clearLoginFailures(tx, staffThrottleKey(username));
    await writeAudit(tx, ctx, {
      ...auditActor(actor),
      action: "staff.password-reset",
      outcome: "success",
      regionCode: staff.regionCode,
      targetType: "staff",
      targetId: staff.id,
    });
    return { ok: true as const, id: staff.id };
  });
}
