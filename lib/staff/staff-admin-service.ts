import "server-only";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { ownRegionCode, regionWithin } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { hasRole, ROLE_DENIED } from "@/lib/codes/staff-roles";
import { resetSecondFactor } from "./second-factor-reset";
import { generateInitialPassword } from "./staff-admin-password";
import {
  NO_SUCH_ACCOUNT,
  NOT_OWN_ACCOUNT,
  nextRoles,
  OFFICE_OUTSIDE,
  reachOf,
  ROLE_NOT_HELD,
  ROLES_STALE,
  sameRoles,
  type StaffAdmin,
} from "./staff-admin-rules";
import { createStaff, disableStaff, type NewStaff, resetStaffPassword } from "./staff-service";

// 用户管理's writes. Each checks, against the stored account, what staff-admin-rules.ts says: the
// role, the office (an account outside the 管理员's offices answers exactly like a missing one),
// never oneself, only held roles. The changes themselves are staff-service.ts's and
// second-factor-reset.ts's (the same as `npm run staff`'s), audited with the 管理员 as actor.

export const ALREADY_DISABLED = "该账号已停用";
export const NOT_DISABLED = "该账号未停用";

type AdminRefusal = Refusal<
  "denied" | "unknown" | "self" | "invalid" | "username-taken" | "stale"
> & { fieldErrors?: Record<string, string> };

export type AdminResult<T = object> = ({ ok: true; id: string } & T) | AdminRefusal;
/** A new or reset account's one-time password: shown to the 管理员 once, stored only hashed. */
export type WithPassword = { password: string };

const denied: AdminRefusal = { ok: false, reason: "denied", message: ROLE_DENIED };
const unknown: AdminRefusal = { ok: false, reason: "unknown", message: NO_SUCH_ACCOUNT };
const self: AdminRefusal = { ok: false, reason: "self", message: NOT_OWN_ACCOUNT };
export const HOLDS_MORE_ROLES = "该账号拥有您没有的业务权限，请由上级管理员办理";
// A reset hands the new one-time password to the 管理员, and 启用 reopens an account: either would
// let them sign in with roles they do not hold (an export-full colleague's, say).
const holdsMore: AdminRefusal = { ok: false, reason: "denied", message: HOLDS_MORE_ROLES };

const TARGET_SELECT = {
  id: true,
  username: true,
  regionCode: true,
  disabledAt: true,
  roles: true,
} as const;

type Target = {
  id: string;
  username: string;
  regionCode: string;
  disabledAt: Date | null;
  roles: string[];
};

/** Whether the account holds a role the 管理员 does not. */
const holdsRoleBeyond = (admin: StaffAdmin, target: Target) =>
  target.roles.some((r) => !admin.roles.includes(r));

type AdminAction =
  | "staff.create"
  | "staff.roles"
  | "staff.password-reset"
  | "staff.second-factor-reset"
  | "staff.disable"
  | "staff.enable";

/** Why an attempt was refused, as its audit row says (codes only: no name, no 登录名). */
type DeniedWhy =
  "no-role" | "unknown-or-outside" | "role-not-held" | "office-outside" | "holds-more-roles";

/**
 * A 管理员's refused attempt on the record (outcome "denied"): granting a role they lack, reaching
 * outside their office, an account holding more roles — what an investigation of a misused admin
 * account looks for. Filed under the 管理员's own office; an account outside it and one that does
 * not exist leave the same row, so the log tells the 管理员's own auditors nothing about others.
 */
async function auditDenied(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  action: AdminAction,
  why: DeniedWhy,
  staffId?: string,
): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: admin.staffId,
      action,
      outcome: "denied",
      regionCode: ownRegionCode({ staffId: admin.staffId, regionCodes: [admin.regionCode] }),
      targetType: staffId && isUuid(staffId) ? "staff" : undefined,
      targetId: staffId && isUuid(staffId) ? staffId : undefined,
      details: { reason: why },
    }),
  );
}

/** The account a 管理员 may act on, or the refusal: no role, not found or outside, oneself. */
async function manageable(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
  action: AdminAction,
): Promise<{ refusal: AdminRefusal } | { target: Target }> {
  if (!hasRole(admin, "staff-admin")) {
    await auditDenied(db, ctx, admin, action, "no-role", staffId);
    return { refusal: denied };
  }
  const target = isUuid(staffId)
    ? await db.staff.findUnique({ where: { id: staffId }, select: TARGET_SELECT })
    : null;
  const reach = target ? reachOf(admin, target) : "hidden";
  if (reach === "hidden") {
    await auditDenied(db, ctx, admin, action, "unknown-or-outside", staffId);
    return { refusal: unknown };
  }
  if (reach === "self") return { refusal: self };
  return { target: target! };
}

const actorOf = (admin: StaffAdmin) => ({ kind: "staff" as const, staffId: admin.staffId });

/** 新建账号: an office at or below the 管理员's, held roles only; a one-time initial password. */
export async function createStaffAccount(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  input: Omit<NewStaff, "password">,
): Promise<AdminResult<WithPassword>> {
  if (!hasRole(admin, "staff-admin")) {
    await auditDenied(db, ctx, admin, "staff.create", "no-role");
    return denied;
  }
  if (!regionWithin(input.regionCode, [admin.regionCode])) {
    await auditDenied(db, ctx, admin, "staff.create", "office-outside");
    return fieldRefusal("invalid", "regionCode", OFFICE_OUTSIDE);
  }
  if (input.roles.some((r) => !admin.roles.includes(r))) {
    await auditDenied(db, ctx, admin, "staff.create", "role-not-held");
    return fieldRefusal("invalid", "roles", ROLE_NOT_HELD);
  }
  const password = generateInitialPassword();
  const r = await createStaff(db, ctx, { ...input, password }, actorOf(admin));
  return r.ok ? { ok: true, id: r.id, password } : (r as AdminRefusal);
}

/**
 * 修改权限. `expected` is the account's roles as the 管理员's form showed them: if another 管理员
 * changed them since, the change is refused (stale) rather than silently overwriting theirs. The
 * update is a compare-and-set on the roles read, so two changes racing cannot both win.
 */
export async function changeStaffRoles(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  input: { staffId: string; roles: readonly string[]; expected: readonly string[] },
): Promise<AdminResult<{ roles: string[] }>> {
  const found = await manageable(db, ctx, admin, input.staffId, "staff.roles");
  if ("refusal" in found) return found.refusal;
  const stale = fieldRefusal("stale", "roles", ROLES_STALE);
  const r = await refusableTransaction<AdminResult<{ roles: string[] }>>(db, async (tx, refuse) => {
    const current = await tx.staff.findUniqueOrThrow({
      where: { id: found.target.id },
      select: { roles: true, regionCode: true },
    });
    if (!sameRoles(current.roles, input.expected)) return stale;
    const next = nextRoles(admin, current.roles, input.roles);
    if (!next.ok) return fieldRefusal("invalid", "roles", next.message);
    if (sameRoles(current.roles, next.roles)) {
      return { ok: true, id: found.target.id, roles: current.roles };
    }
    const written = await tx.staff.updateMany({
      where: { id: found.target.id, roles: { equals: current.roles } },
      data: { roles: next.roles },
    });
    if (written.count === 0) refuse(stale);
    await writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: admin.staffId,
      action: "staff.roles",
      outcome: "success",
      regionCode: current.regionCode,
      targetType: "staff",
      targetId: found.target.id,
      details: { before: current.roles, after: next.roles },
    });
    return { ok: true, id: found.target.id, roles: next.roles };
  });
  if (!r.ok && r.fieldErrors?.roles === ROLE_NOT_HELD) {
    await auditDenied(db, ctx, admin, "staff.roles", "role-not-held", found.target.id);
  }
  return r;
}

/** A reset that hands over a new one-time password: the account checked, the password made. */
async function resetWithPassword(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
  action: "staff.password-reset" | "staff.second-factor-reset",
  reset: (username: string, password: string) => Promise<{ ok: boolean }>,
): Promise<AdminResult<WithPassword>> {
  const found = await manageable(db, ctx, admin, staffId, action);
  if ("refusal" in found) return found.refusal;
  if (holdsRoleBeyond(admin, found.target)) {
    await auditDenied(db, ctx, admin, action, "holds-more-roles", found.target.id);
    return holdsMore;
  }
  const password = generateInitialPassword();
  const r = await reset(found.target.username, password);
  return r.ok ? { ok: true, id: found.target.id, password } : unknown;
}

/** 重置密码: a new one-time password; the account's sessions end and a lockout is lifted. */
export async function resetStaffAccountPassword(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
  now = new Date(),
): Promise<AdminResult<WithPassword>> {
  return resetWithPassword(db, ctx, admin, staffId, "staff.password-reset", (username, password) =>
    resetStaffPassword(db, ctx, username, password, now, actorOf(admin)),
  );
}

/** 重置动态口令: second-factor-reset.ts's reset (it also gives a new one-time password). */
export async function resetStaffAccountSecondFactor(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
  now = new Date(),
): Promise<AdminResult<WithPassword>> {
  return resetWithPassword(
    db,
    ctx,
    admin,
    staffId,
    "staff.second-factor-reset",
    (username, password) =>
      resetSecondFactor(db, ctx, { kind: "staff", ...admin }, username, password, now),
  );
}

/** 停用: the account cannot log in and its sessions end; never one's own. */
export async function disableStaffAccount(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
  now = new Date(),
): Promise<AdminResult> {
  const found = await manageable(db, ctx, admin, staffId, "staff.disable");
  if ("refusal" in found) return found.refusal;
  if (found.target.disabledAt) return { ok: false, reason: "stale", message: ALREADY_DISABLED };
  await disableStaff(db, ctx, found.target.username, now, actorOf(admin));
  return { ok: true, id: found.target.id };
}

/** 启用: a closed account may log in again (with its password and second factor as they were). */
export async function enableStaffAccount(
  db: Db,
  ctx: RequestContext,
  admin: StaffAdmin,
  staffId: string,
): Promise<AdminResult> {
  const found = await manageable(db, ctx, admin, staffId, "staff.enable");
  if ("refusal" in found) return found.refusal;
  if (holdsRoleBeyond(admin, found.target)) {
    await auditDenied(db, ctx, admin, "staff.enable", "holds-more-roles", found.target.id);
    return holdsMore;
  }
  const notDisabled: AdminRefusal = { ok: false, reason: "stale", message: NOT_DISABLED };
  return refusableTransaction<AdminResult>(db, async (tx, refuse) => {
    // Guarded: of two 管理员 enabling at once, one does it and one is told it is done.
    const written = await tx.staff.updateMany({
      where: { id: found.target.id, disabledAt: { not: null } },
      data: { disabledAt: null },
    });
    if (written.count === 0) refuse(notDisabled);
    await writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: admin.staffId,
      action: "staff.enable",
      outcome: "success",
      regionCode: found.target.regionCode,
      targetType: "staff",
      targetId: found.target.id,
    });
    return { ok: true, id: found.target.id };
  });
}
