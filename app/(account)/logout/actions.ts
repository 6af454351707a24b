"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/auth/current-session";
import { logout } from "@/lib/account/session-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";

/** 退出登录: ends the server-side session (so the token is worthless anywhere) and clears the cookie. */
export async function logoutAction(): Promise<void> {
  const session = await currentSession();
  if (session) await logout(db, clientInfoFromHeaders(await headers()), session);
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.includes("next-auth.session-token")) jar.delete(c.name);
  redirect("/login");
}
