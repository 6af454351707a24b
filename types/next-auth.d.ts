import "next-auth";
import "next-auth/jwt";

// The token carries only the id of a server-side AuthSession row (lib/account/session-service.ts).
declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
