import "server-only";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, type Refusal } from "@/lib/db/refusal";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { regionWithin } from "@/lib/region/scope";
import { hasRole, ROLE_DENIED } from "@/lib/codes/staff-roles";
import { clearLoginFailures } from "@/lib/account/login-throttle";
import { hashPassword } from "@/lib/crypto/password-hash";
import { endSignInsOf } from "./sign-in-store";
import { staffSecondFactorKey } from "./staff-login-service";
import { normalizeUsername } from "./staff-fields";

// 重置动态验证码: a colleague lost the phone (and the recovery codes). Their secret and recovery
// codes are deleted, their sessions end, and their password is replaced by a new initial one
// handed over in person: the next login changes it and enrols again. Without the new password,
// whoever had phished the old one could sign in first and bind their own authenticator.

/** Who resets: the operator's shell (`npm run staff`), or a 管理员 of the console. */
export type ResetActor =
  | { kind: "operator" }
  | { kind: "staff"; staffId: string; regionCode: string; roles: readonly string[] };

export const NO_SUCH_STAFF = "没有这个登录名";
export const NOT_OWN_RESET = "不能重置本人的动态验证码，请联系同级或上级管理员";

export type ResetResult =
  | { ok: true; id: string }
  | (Refusal<"denied" | "unknown-username" | "self"> & { fieldErrors?: Record<string, string> });

/**
 * A 管理员 (staff-admin) resets accounts of their own office and the offices below it; an account
 * of a sibling, a parent or another city answers as an unknown 登录名, exactly like one that does
 * not exist (no probing of other offices' accounts).
 */
export async function resetSecondFactor(
  db: Db,
  ctx: RequestContext,
  actor: ResetActor,
  username: string,
  /** the new initial password (the caller generates and hands it over) */
  initialPassword: string,
  now = new Date(),
): Promise<ResetResult> {
  if (actor.kind === "staff" && !hasRole(actor, "staff-admin"))
    return { ok: false, reason: "denied", message: ROLE_DENIED };
  const target = await db.staff.findUnique({
    where: { username: normalizeUsername(username) },
    select: { id: true, regionCode: true },
  });
  const visible =
    target && (actor.kind === "operator" || regionWithin(target.regionCode, [actor.regionCode]));
  if (!visible) return fieldRefusal("unknown-username", "username", NO_SUCH_STAFF);
  if (actor.kind === "staff" && actor.staffId === target.id)
    return fieldRefusal("self", "username", NOT_OWN_RESET);
  const passwordHash = await hashPassword(initialPassword);
  await db.$transaction(async (tx) => {
    await tx.staff.update({
      where: { id: target.id },
      data: {
        totpSecret: null,
        totpEnrolledAt: null,
        totpLastStep: null,
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
      },
    });
    await clearLoginFailures(tx, staffSecondFactorKey(target.id));
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: target.id } });
    await tx.authSession.updateMany({
      where: { staffId: target.id, revokedAt: null },
      data: { revokedAt: now, revokeReason: "second-factor-reset" },
    });
    await endSignInsOf(tx, target.id, now);
    await writeAudit(tx, ctx, {
      actorType: actor.kind === "operator" ? "system" : "staff",
      actorId: actor.kind === "operator" ? null : actor.staffId,
      action: "staff.second-factor-reset",
      outcome: "success",
      regionCode: target.regionCode,
      targetType: "staff",
      targetId: target.id,
    });
  });
  return { ok: true, id: target.id };
}
