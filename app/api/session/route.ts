// Who is logged in, for static pages that need it in the browser (components/auth/
// use-session-kind.ts): the console login sends staff already logged in on. Checked against the
// server-side session row, exactly as a page behind login would.
import { currentSession } from "@/lib/auth/current-session";
import { currentStaff } from "@/lib/auth/current-staff";
import type { SessionKind } from "@/components/auth/use-session-kind";

export const dynamic = "force-dynamic";

export async function GET() {
  const kind: SessionKind = (await currentSession())
    ? "person"
    : (await currentStaff())
      ? "staff"
      : null;
  return Response.json({ kind }, { headers: { "Cache-Control": "private, no-store" } });
}
