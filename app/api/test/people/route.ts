// End-to-end tests only: a new person — registered, and with 信息采集 completed when `collected` —
// made by the services 注册 and the wizard use (lib/seed/test-person.ts), for the specs that need
// one but test something else. A 404 unless KUAIJI_ALLOW_TEST_SWITCHES=1 (never set on a real
// deployment): it makes accounts with a known password.
import * as z from "zod/mini";
import { personNameSchema } from "@/lib/account/field-schemas";
import { testSwitchesAllowed } from "@/lib/config/test-switches";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { createTestPerson } from "@/lib/seed/test-person";
import { getStorage } from "@/lib/storage/storage";
import { exchangeConfigured } from "@/lib/transfer/file-registry";

export const dynamic = "force-dynamic";

const body = z.object({
  collected: z.optional(z.boolean()),
  name: z.optional(personNameSchema),
});

/** The name the UI helper registers with (tests/e2e/support/accounts.ts). */
const DEFAULT_NAME = "林晓峰";

export async function POST(request: Request) {
  if (!testSwitchesAllowed(process.env)) return new Response("Not Found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ issues: parsed.error.issues }, { status: 400 });
  const person = await createTestPerson(
    db,
    getStorage(),
    clientInfoFromHeaders(request.headers),
    { collected: parsed.data.collected ?? false, name: parsed.data.name ?? DEFAULT_NAME },
    // as the wizard's submit action: the exchange learns of the archive where there is one
    { registerFile: exchangeConfigured() },
  );
  const { idNumber, password, phone, name } = person;
  return Response.json({ idNumber, password, phone, name });
}
