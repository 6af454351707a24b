// Who is logged in, for static pages that need it in the browser (components/auth/use-visitor.ts):
// the portal shows a logged-in visitor their name, 个人中心 and 退出登录, and the login pages send
// them home. Checked against the server-side session row, exactly as a page behind login would;
// the name is the visitor's own, never cached.
import { currentSession } from "@/lib/auth/current-session";
import { currentStaff } from "@/lib/auth/current-staff";
import type { Visitor } from "@/components/auth/use-visitor";

export const dynamic = "force-dynamic";

export async function GET() {
  const person = await currentSession();
  const staff = person ? null : await currentStaff();
  const visitor: Visitor = person
    ? { kind: "person", name: person.name }
    : staff
      ? { kind: "staff", name: staff.name }
      : { kind: null, name: null };
  return Response.json(visitor, { headers: { "Cache-Control": "private, no-store" } });
}
