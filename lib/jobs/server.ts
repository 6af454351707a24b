import "server-only";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/url";
import { childLogger } from "@/lib/log/logger";
import { onShutdown } from "./shutdown";
import { type JobQueueSize, type JobWorker, startJobWorker } from "./worker";

// The job worker inside each Node server (instrumentation.ts): the embedded default and every
// production instance run one; pg-boss makes N of them share the work. Not on Vercel, whose
// functions live only for a request (the cron route /api/jobs/run runs due jobs there instead).

type Env = Record<string, string | undefined>;

/** Why this server runs no worker, or null when it runs one. */
export function jobWorkerOff(env: Env): string | null {
  if (["off", "0", "false"].includes((env.KUAIJI_JOBS ?? "").toLowerCase())) return "KUAIJI_JOBS";
  if (env.VERCEL) return "vercel";
  if (!env.DATABASE_URL) return "no-database";
  return null;
}

const state = globalThis as unknown as { kuaijiJobWorker?: Promise<JobWorker | null> };

/**
 * Starts the worker in the background (the server does not wait for it: a database that comes
 * up late is retried for two and a half minutes) and stops it before the process exits.
 */
export function startServerJobWorker(env: Env = process.env): void {
  const log = childLogger({ component: "jobs" });
  const off = jobWorkerOff(env);
  if (off) {
    log.info({ reason: off }, "job worker not started");
    return;
  }
  if (state.kuaijiJobWorker) return; // `next dev` registers again on reloads
  state.kuaijiJobWorker = startJobWorker({
    connectionString: databaseUrl(),
    db,
    log,
    startAttempts: 10,
  }).catch((error: unknown) => {
    // Connection-level failures: the message names the server, never a row.
    const err = error instanceof Error ? { type: error.name, message: error.message } : {};
    log.error({ err }, "job worker failed to start");
    return null;
  });
  onShutdown(async () => {
    const worker = await state.kuaijiJobWorker;
    state.kuaijiJobWorker = undefined;
    if (!worker) return;
    await worker.stop();
    log.info("job worker stopped");
  });
}

/** This server's job queues by state; null when it runs no worker or its start failed. */
export async function jobQueueSizes(): Promise<JobQueueSize[] | null> {
  const worker = await state.kuaijiJobWorker;
  return worker ? worker.queueSizes() : null;
}
