// Bench only (scripts/bench/collection.ts, issue 3): the 信息采集 draft row written the minimal
// way — one updateMany under the revision check, no session, no validation, no audit — so the
// real server action can be compared with the bare write over the same HTTP stack. It writes any
// person's draft unchecked, so it exists only when both KUAIJI_ALLOW_TEST_SWITCHES=1 and
// KUAIJI_BENCH_ROUTES=1 are set (the bench's own throwaway server); a 404 otherwise.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { testSwitchesAllowed } from "@/lib/config/test-switches";

export const dynamic = "force-dynamic";

const body = z.object({
  personId: z.string().uuid(),
  revision: z.number().int().min(1),
  steps: z.record(z.string(), z.unknown()),
});

export async function POST(request: Request) {
  if (!testSwitchesAllowed(process.env) || process.env.KUAIJI_BENCH_ROUTES !== "1") {
    return new Response("Not Found", { status: 404 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  const { personId, revision, steps } = parsed.data;
  const r = await db.collectionDraft.updateMany({
    where: { personId, revision },
    data: { steps: steps as Prisma.InputJsonObject, revision: revision + 1 },
  });
  return Response.json({ ok: r.count === 1, revision: revision + 1 });
}
