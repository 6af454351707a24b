import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { blindIndex } from "@/lib/crypto/blind-index";
import { hashPassword, needsRehash } from "@/lib/crypto/password-hash";
import { passwordLogin, type PasswordLoginResult } from "@/lib/account/password-login";
import { createSession } from "@/lib/account/session-service";
import { normalizeUsername } from "./staff-fields";

export interface StaffLoginInput {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

/** LoginThrottle key of a 登录名: its own blind-index kind, so it never meets a 证件号码's. */
export function staffThrottleKey(username: string): string {
  return blindIndex("staff-login", normalizeUsername(username));
}

/**
 * 财政部门登录 with 登录名 + 密码: the accountants' rules (passwordLogin) — same lock, captcha and
 * answers for unknown names. A closed account answers exactly as an unknown one.
 */
export async function authenticateStaff(
  db: Db,
  ctx: RequestContext,
  input: StaffLoginInput,
  now = new Date(),
): Promise<PasswordLoginResult> {
  const staff = await db.staff.findUnique({
    where: { username: normalizeUsername(input.username) },
    select: { id: true, passwordHash: true, regionCode: true, disabledAt: true },
  });
  return passwordLogin(
    db,
    ctx,
    {
      throttleKey: staffThrottleKey(input.username),
      account: staff && !staff.disabledAt ? staff : null,
      actorType: "staff",
      password: input.password,
      captchaId: input.captchaId,
      captchaAnswer: input.captchaAnswer,
      invalidMessage: "登录名或密码错误",
      lockedHint: "或联系本单位平台管理员重置密码",
      async open(s) {
        const passwordHash = needsRehash(s.passwordHash)
          ? await hashPassword(input.password)
          : null;
        return async (tx) => {
          // Only over the hash just verified: a reset meanwhile must not revert.
          if (passwordHash) {
            await tx.staff.updateMany({
              where: { id: s.id, passwordHash: s.passwordHash },
              data: { passwordHash },
            });
          }
          return createSession(tx, { staffId: s.id }, ctx, now);
        };
      },
    },
    now,
  );
}
