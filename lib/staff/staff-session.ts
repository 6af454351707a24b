import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { liveSession, type SessionEnd } from "@/lib/account/session-service";
import type { StaffScope } from "@/lib/region/scope";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { consoleReachableFrom } from "./console-network";
import { financeOfficeName } from "./office";

/** A logged-in finance staff member as pages and actions see them. */
export interface SessionStaff {
  sessionId: string;
  staffId: string;
  username: string;
  name: string;
  /** The office's GB/T 2260 code: everything the staff member sees lies within it. */
  regionCode: string;
  roles: readonly string[];
  /** 广东省财政厅, 广州市财政局, … */
  officeName: string;
}

export type StaffSessionCheck =
  { ok: true; staff: SessionStaff } | { ok: false; reason: SessionEnd };

/**
 * The staff member behind a live session; a session of an accountant is "missing", and so is
 * every session seen from outside the console's allowed networks (KUAIJI_CONSOLE_ALLOW_CIDRS):
 * the same session works again from the office.
 */
export async function checkStaffSession(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  now = new Date(),
): Promise<StaffSessionCheck> {
  if (!consoleReachableFrom(ctx.ip)) return { ok: false, reason: "missing" };
  const live = await liveSession(db, ctx, sessionId, "staff", now);
  if (!live.ok) return live;
  const s = live.row.staff!;
  return {
    ok: true,
    staff: {
      sessionId,
      staffId: s.id,
      username: s.username,
      name: s.name,
      regionCode: s.regionCode,
      roles: s.roles,
      officeName: financeOfficeName(s.regionCode),
    },
  };
}

/** What the staff-facing services need of a staff member: who, and the region they administer. */
export function staffScope(staff: SessionStaff): StaffScope {
  return { staffId: staff.staffId, regionCodes: [staff.regionCode] };
}

/** The staff member as the services that check roles see them: scope and roles. */
export function staffActor(staff: SessionStaff): StaffActor {
  return { ...staffScope(staff), roles: staff.roles };
}
