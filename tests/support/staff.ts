import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { encryptField } from "@/lib/crypto/field-cipher";
import { createStaff } from "@/lib/staff/staff-service";
import type { StaffRole } from "@/lib/codes/staff-roles";
import { authenticateStaff } from "@/lib/staff/staff-login-service";
import { verifySecondFactor } from "@/lib/staff/second-factor-service";
import { completeSignIn } from "@/lib/staff/sign-in-service";
import { newTotpSecret, totpCode } from "@/lib/staff/totp";
import { solvedCaptcha } from "./accounts";

export const STAFF_PASSWORD = "Caizheng@2026";
export const STAFF_CTX = { ip: "203.0.113.31", userAgent: "vitest-staff" };

/** A finance staff account of `regionCode` with a unique 登录名, as `npm run staff` makes one. */
export async function createTestStaff(
  db: Db,
  regionCode: string,
  roles: StaffRole[] = ["ce-review", "ce-course"],
) {
  const username = `t-${randomUUID().slice(0, 12)}`;
  const r = await createStaff(
    db,
    { ip: null, userAgent: "vitest" },
    { username, name: "测试人员", regionCode, roles, password: STAFF_PASSWORD },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { id: r.id, username, password: STAFF_PASSWORD, regionCode };
}

/**
 * An account past its first login: its own password, a TOTP secret enrolled (returned, so the
 * test computes codes as the phone would).
 */
export async function createEnrolledStaff(
  db: Db,
  regionCode: string,
  roles: StaffRole[] = ["ce-review", "ce-course"],
) {
  const s = await createTestStaff(db, regionCode, roles);
  const totpSecret = newTotpSecret();
  await db.staff.update({
    where: { id: s.id },
    data: {
      mustChangePassword: false,
      totpSecret: encryptField(totpSecret),
      totpEnrolledAt: new Date(),
    },
  });
  return { ...s, totpSecret };
}

/** The password step with a solved captcha (an earlier failure may ask for one). */
export async function passwordStep(
  db: Db,
  username: string,
  password: string,
  now = new Date(),
  ctx = STAFF_CTX,
) {
  return authenticateStaff(db, ctx, { username, password, ...(await solvedCaptcha(db, now)) }, now);
}

/** Password, 动态验证码, session: an enrolled staff member's whole sign-in; the session id. */
export async function staffSessionOf(
  db: Db,
  s: { username: string; password: string; totpSecret: string },
  now = new Date(),
  ctx = STAFF_CTX,
): Promise<string> {
  const r = await passwordStep(db, s.username, s.password, now, ctx);
  if (!r.ok) throw new Error(`password step: ${r.message}`);
  const v = await verifySecondFactor(db, ctx, r.token, { code: totpCode(s.totpSecret, now) }, now);
  if (!v.ok) throw new Error(`second factor: ${v.message} ${JSON.stringify(v.fieldErrors)}`);
  const done = await completeSignIn(db, ctx, r.token, now);
  if (!done.ok) throw new Error(`complete: ${done.message}`);
  return done.sessionId;
}
