import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { checkSession, type SessionPerson } from "@/lib/account/session-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { authOptions } from "./options";

/** The logged-in accountant for this request, or null. Checked against the server-side row. */
export const currentSession = cache(async (): Promise<SessionPerson | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const check = await checkSession(db, clientInfoFromHeaders(await headers()), session.sid);
  return check.ok ? check.person : null;
});

/**
 * The id of the server-side session row this request's token names, unchecked: for
 * /api/session/idle, which reads the row itself without keeping it alive.
 */
export async function currentSessionId(): Promise<string | null> {
  return (await getServerSession(authOptions()))?.sid ?? null;
}

/**
 * For pages behind login: sends the visitor to 登录 and back afterwards — to the path the
 * proxy recorded for this request (layouts cannot see it), else to `fallback`.
 */
export async function requireSession(fallback = "/account"): Promise<SessionPerson> {
  const person = await currentSession();
  if (!person) {
    const path = (await headers()).get("x-kuaiji-path");
    redirect(`/login?next=${encodeURIComponent(path?.startsWith("/") ? path : fallback)}`);
  }
  return person;
}
