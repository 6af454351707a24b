import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { addMember } from "@/lib/exchange/hub-members";

// The demo exchange's members (npm run demo:transfer): registered on the embedded hub at start
// with the secrets the demo keeps beside its data, unless already there. Production registers
// members with `npm run hub -- member add`.

const membersSchema = z.array(
  z.object({ code: z.string(), baseUrl: z.string(), secret: z.string() }),
);

/** Adds the members listed (JSON) that are not registered yet; returns their codes. */
export async function seedDemoMembers(db: Db, json: string | undefined): Promise<string[]> {
  if (!json) return [];
  const added: string[] = [];
  for (const m of membersSchema.parse(JSON.parse(json))) {
    const r = await addMember(db, m);
    if (r.ok) added.push(m.code);
    else if (r.reason !== "exists") throw new Error(`demo member ${m.code}: ${r.message}`);
  }
  return added;
}
