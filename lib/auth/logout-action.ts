"use server";

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { logout } from "@/lib/account/session-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { currentSession } from "./current-session";
import { currentStaff } from "./current-staff";

/**
 * 退出登录, for accountants and finance staff alike: ends the server-side session (so the token
 * is worthless anywhere), clears the cookie, and goes back to the login the user came through.
 */
export async function logoutAction(): Promise<void> {
  const h = await headers();
  const ctx = clientInfoFromHeaders(h);
  const person = await currentSession();
  const staff = person ? null : await currentStaff();
  if (person) {
    await logout(db, ctx, {
      sessionId: person.sessionId,
      actorType: "person",
      actorId: person.personId,
      regionCode: person.regionCode,
    });
  } else if (staff) {
    await logout(db, ctx, {
      sessionId: staff.sessionId,
      actorType: "staff",
      actorId: staff.staffId,
      regionCode: staff.regionCode,
    });
  }
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.includes("next-auth.session-token")) jar.delete(c.name);
  // A session that already ended is nobody's: the page it was pressed on tells which login.
  const fromConsole = staff !== null || (h.get("x-kuaiji-path") ?? "").startsWith("/console");
  redirect(fromConsole ? "/console/login" : "/login");
}
