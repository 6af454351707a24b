import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/account/login-service";
import { securityConfig } from "@/lib/account/security-config";
import { revokeSession } from "@/lib/account/session-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { encodeLoginError } from "./login-error";

const credentialsSchema = z.object({
  idNumber: z.string().trim().max(40).default(""),
  password: z.string().max(128).default(""),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

/**
 * next-auth (v4) with 证件号码 + 密码 credentials. The JWT holds only the id of a server-side
 * session row; lib/auth/current-session.ts checks that row on every request, which is what
 * makes sessions revocable and gives the idle timeout.
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
          const headers = new Headers();
          for (const [k, v] of Object.entries(req?.headers ?? {}))
            if (typeof v === "string") headers.set(k, v);
          const result = await authenticate(db, clientInfoFromHeaders(headers), input);
          if (!result.ok) throw new Error(encodeLoginError(result));
          return { id: result.personId, sessionId: result.sessionId };
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
