import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { checkStaffSession, type SessionStaff } from "@/lib/staff/staff-session";
import { authOptions } from "./options";

/** The logged-in finance staff member for this request, or null. Checked against the server row. */
export const currentStaff = cache(async (): Promise<SessionStaff | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const check = await checkStaffSession(db, clientInfoFromHeaders(await headers()), session.sid);
  return check.ok ? check.staff : null;
});

/** For console pages: sends the visitor to 财政部门登录 and back to the page afterwards. */
export async function requireStaff(): Promise<SessionStaff> {
  const staff = await currentStaff();
  if (!staff) {
    const path = (await headers()).get("x-kuaiji-path");
    redirect(
      `/console/login?next=${encodeURIComponent(path?.startsWith("/console") ? path : "/console")}`,
    );
  }
  return staff;
}
