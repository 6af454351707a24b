import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { signInStep } from "@/lib/staff/sign-in-service";
import { type SignInStep, signInStepPath } from "@/lib/staff/sign-in-steps";

// The browser's half of a staff sign-in in progress (lib/staff/sign-in-store.ts): a random token
// in an httpOnly, same-site-strict cookie. Scripts on the page cannot read it and other sites
// cannot send it; the row it names expires minutes after its last step, whatever the cookie's age.

const COOKIE = "kuaiji-staff-sign-in";

export async function setStaffSignInCookie(token: string): Promise<void> {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    path: "/",
    maxAge: 30 * 60,
  });
}

export async function staffSignInToken(): Promise<string | null> {
  return (await cookies()).get(COOKIE)?.value ?? null;
}

/** next-auth's authorize() sees headers only: the token from a Cookie header. */
export function staffSignInTokenFrom(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

/**
 * For the pages of the sign-in's steps: the page of the step this sign-in is at (whatever page was
 * asked for), or back to the password when there is none or it expired. Hands the page what its
 * service needs: the request and the sign-in's token.
 */
export async function requireSignInStep(
  step: SignInStep,
  next: string,
): Promise<{ request: RequestContext; token: string }> {
  const request = clientInfoFromHeaders(await headers());
  const token = await staffSignInToken();
  const current = await signInStep(db, request, token);
  if (!current || !token) redirect(`/console/login?expired=1&next=${encodeURIComponent(next)}`);
  if (current !== step) redirect(signInStepPath(current, next));
  return { request, token };
}
