// 您所属地区的财政部门 for the static 帮助 page (components/help/my-office.tsx): the logged-in
// accountant's region, read from their server-side session row as any page behind login would,
// and the contacts of their county, city and the jurisdiction. Nobody else gets anything.
import { currentSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { financeContactsFor } from "@/lib/help/finance-contacts";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { regionName } from "@/lib/region/divisions";
import type { MyOfficeAnswer } from "@/components/help/my-office";

export const dynamic = "force-dynamic";

const PRIVATE = { headers: { "Cache-Control": "private, no-store" } };

export async function GET() {
  const person = await currentSession();
  if (!person) return Response.json({ person: false } satisfies MyOfficeAnswer, PRIVATE);
  const j = getJurisdiction();
  const answer: MyOfficeAnswer = {
    person: true,
    // registered, not yet collected: the account sits at the jurisdiction's own code
    regionName: person.regionCode === j.code ? null : (regionName(person.regionCode) ?? null),
    contacts: await financeContactsFor(db, person.regionCode, j),
  };
  return Response.json(answer, PRIVATE);
}
