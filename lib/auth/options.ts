import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/account/login-service";
import { securityConfig } from "@/lib/account/security-config";
import { revokeSession } from "@/lib/account/session-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { completeSignIn } from "@/lib/staff/sign-in-service";
import { encodeLoginError } from "./login-error";
import { staffSignInTokenFrom } from "./staff-sign-in";

const captchaFields = {
  password: z.string().max(128).default(""),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
};
const credentialsSchema = z.object({
  idNumber: z.string().trim().max(40).default(""),
  ...captchaFields,
});

/** next-auth hands authorize() plain header records; the services want a Headers. */
function headersOf(req: { headers?: Record<string, unknown> } | undefined): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req?.headers ?? {}))
    if (typeof v === "string") headers.set(k, v);
  return headers;
}

/**
 * next-auth (v4) with two credential providers: accountants (证件号码 + 密码) and finance staff
 * (登录名 + 密码, then the second factor: the sign-in's steps finish through the "staff"
 * provider). The JWT holds only the id of a server-side session row;
 * lib/auth/current-session.ts and current-staff.ts check that row on every request, which is
 * what makes sessions revocable, gives the idle timeout, and keeps the two kinds apart (a row
 * belongs to a person or to a staff member, never both).
 */
export function authOptions(): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: securityConfig().sessionMaxHours * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "证件号码登录",
        credentials: { idNumber: {}, password: {}, captchaId: {}, captchaAnswer: {} },
        async authorize(raw, req) {
          const input = credentialsSchema.parse(raw ?? {});
          const result = await authenticate(db, clientInfoFromHeaders(headersOf(req)), input);
          if (!result.ok) throw new Error(encodeLoginError(result));
          return { id: result.personId, sessionId: result.sessionId };
        },
      }),
      // Staff end a sign-in here, after the password and the second factor were checked by the
      // sign-in's own steps (app/[locale]/console/login/*): this only turns a finished sign-in, named by
      // its httpOnly cookie, into the session.
      CredentialsProvider({
        id: "staff",
        name: "财政部门登录",
        credentials: {},
        async authorize(_raw, req) {
          const h = headersOf(req);
          const token = staffSignInTokenFrom(h.get("cookie"));
          const result = await completeSignIn(db, clientInfoFromHeaders(h), token);
          if (!result.ok) {
            throw new Error(
              encodeLoginError({
                code: "invalid",
                message: result.message,
                captchaRequired: false,
              }),
            );
          }
          return { id: result.staffId, sessionId: result.sessionId };
        },
      }),
    ],
    events: {
      // next-auth's own /api/auth/signout only clears the cookie: end the server-side row too.
      async signOut({ token }) {
        if (token?.sid) await db.$transaction((tx) => revokeSession(tx, token.sid!, "logout"));
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.sessionId;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
  };
}
