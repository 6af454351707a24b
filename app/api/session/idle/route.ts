// The idle timeout for the page's warning (components/session/session-timeout.tsx):
//   GET  — how long this browser's session has left, read without keeping it alive (a page that
//          asks is not a person at work: asking must not postpone the timeout);
//   POST — 继续办理: keeps the session alive from now, if it still is.
// Both answer `SessionClock` (lib/account/session-clock.ts): `{ live: false }` for no session.
import { currentSessionId } from "@/lib/auth/current-session";
import { extendSession, peekSession } from "@/lib/account/session-clock";
import { db } from "@/lib/db/client";
import { sameOrigin } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" } as const;

export async function GET() {
  const sid = await currentSessionId();
  const clock = sid ? await peekSession(db, sid) : { live: false };
  return Response.json(clock, { headers: NO_STORE });
}

export async function POST(request: Request) {
  // Another site must not keep a session alive on the person's behalf.
  if (!sameOrigin(request.headers)) return new Response(null, { status: 403, headers: NO_STORE });
  const sid = await currentSessionId();
  const clock = sid ? await extendSession(db, sid) : { live: false };
  return Response.json(clock, { headers: NO_STORE });
}
