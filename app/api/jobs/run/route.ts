// Runs every job that is due (lib/jobs/registry.ts) once and answers what each did: for hosts
// whose servers cannot keep a worker running — Vercel, where a Vercel Cron entry calls this with
// `Authorization: Bearer $CRON_SECRET` (README, "Jobs"). Refused (401) without that secret, and
// answered 404 while CRON_SECRET is unset, so a deployment with workers exposes nothing here.
import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { bearerAuthorized, MIN_BEARER_SECRET_LENGTH } from "@/lib/http/bearer";
import { JOBS } from "@/lib/jobs/registry";
import { runJobs, selectJobs } from "@/lib/jobs/run";
import { childLogger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";
/** Seconds a run may take on Vercel (its default is shorter than a large sweep). */
export const maxDuration = 300;

async function run(request: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const headers = { "Cache-Control": "no-store", [REQUEST_ID_HEADER]: requestId };
  const secret = process.env.CRON_SECRET;
  const log = childLogger({ requestId, route: "/api/jobs/run" });
  if (!secret) return Response.json({ ok: false }, { status: 404, headers });
  if (secret.length < MIN_BEARER_SECRET_LENGTH) {
    log.error(
      `CRON_SECRET is shorter than ${MIN_BEARER_SECRET_LENGTH} characters: every call refused`,
    );
  }
  if (!bearerAuthorized(request.headers.get("authorization"), secret)) {
    return Response.json({ ok: false }, { status: 401, headers });
  }
  const only = (request.nextUrl.searchParams.get("only") ?? "").split(",").filter(Boolean);
  const selected = selectJobs(JOBS, only);
  if (!selected.ok)
    return Response.json({ ok: false, unknown: selected.unknown }, { status: 400, headers });

  const runs = await runJobs(selected.jobs, db, new Date(), log);
  const ok = runs.every((r) => r.ok);
  return Response.json(
    {
      ok,
      // Failures by name only: the log has the rest, with this request id.
      runs: runs.map((r) =>
        r.ok
          ? { job: r.job, ok: true, processed: r.processed, detail: r.detail, ms: r.ms }
          : { job: r.job, ok: false, ms: r.ms },
      ),
    },
    { status: ok ? 200 : 500, headers },
  );
}

/** Vercel Cron sends GET. */
export const GET = run;
export const POST = run;
