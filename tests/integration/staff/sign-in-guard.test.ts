import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/account/session-service";
import { STAFF_SESSION_ENDED } from "@/lib/auth/action-client";
import { checkStaffSession } from "@/lib/staff/staff-session";
import { verifySecondFactor } from "@/lib/staff/second-factor-service";
import { totpCode } from "@/lib/staff/totp";
import { deleteHolidayAction } from "@/app/[locale]/console/(staff)/holidays/actions";
import { currentStaff } from "@/lib/auth/current-staff";
import {
  createEnrolledStaff,
  createTestStaff,
  passwordStep,
  STAFF_CTX as ctx,
  staffSessionOf,
} from "../../support/staff";

// What a sign-in in progress reaches of the console: nothing. The console's session check and
// every staff action (through lib/auth/action-client.ts) see the next-auth token's `sid`; here it
// is whatever the test puts there, the way a forged or replayed token would.
const token = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.sid ? { sid: token.sid } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest-staff" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

async function asSid(sid: string | null) {
  token.sid = sid;
  // currentStaff is cached per request with React's cache(): outside a request it is not
  return { staff: await currentStaff(), action: await deleteHolidayAction({ date: "2031-01-01" }) };
}

describe("a sign-in before its second factor", () => {
  it("opens no console page and no staff action, whatever id the token carries", async () => {
    const s = await createEnrolledStaff(db, "440000", ["staff-admin"]);
    const r = await passwordStep(db, s.username, s.password);
    if (!r.ok) throw new Error(r.message);
    const signIn = await db.staffSignIn.findFirstOrThrow({ where: { staffId: s.id } });
    for (const sid of [r.token, signIn.id, s.id]) {
      expect(await checkStaffSession(db, ctx, sid)).toEqual({ ok: false, reason: "missing" });
      const { staff, action } = await asSid(sid);
      expect(staff).toBeNull();
      expect(action).toEqual({ ok: false, fieldErrors: {}, formError: STAFF_SESSION_ENDED });
    }
    // even with the second factor passed, it is no session until completed
    const v = await verifySecondFactor(db, ctx, r.token, {
      code: totpCode(s.totpSecret, new Date()),
    });
    expect(v.ok).toBe(true);
    expect((await asSid(signIn.id)).staff).toBeNull();

    // the control: a completed sign-in's session does reach them
    const session = await staffSessionOf(db, s, new Date(Date.now() + 31_000));
    const ok = await asSid(session);
    expect(ok.staff).toMatchObject({ staffId: s.id });
    expect(ok.action).not.toMatchObject({ formError: STAFF_SESSION_ENDED });
  });

  it("a session row of an account that owes a step (initial password, no TOTP) is ended", async () => {
    const s = await createTestStaff(db, "440100", ["staff-admin"]);
    // made some other way than the sign-in: defence in depth of checkStaffSession
    const sid = await db.$transaction((tx) => createSession(tx, { staffId: s.id }, ctx));
    expect(await asSid(sid)).toEqual({
      staff: null,
      action: { ok: false, fieldErrors: {}, formError: STAFF_SESSION_ENDED },
    });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokeReason).toBe("sign-in-steps-owed");
  });
});
