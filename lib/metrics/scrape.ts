import "server-only";
import { dbPoolStats } from "@/lib/db/client";
import { jobQueueSizes } from "@/lib/jobs/server";
import type { JobQueueSize } from "@/lib/jobs/worker";
import { metrics } from "./registry";

/** A scrape never waits longer than this for the job queue (a slow database must not hang it). */
export const QUEUE_TIMEOUT_MS = 1_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads what is only known on demand — Prisma's pool, pg-boss's queue sizes — into the gauges,
 * then renders every metric in Prometheus's text format.
 */
export async function scrape(
  queueSizes: () => Promise<JobQueueSize[] | null> = jobQueueSizes,
  timeoutMs = QUEUE_TIMEOUT_MS,
): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  const pool = dbPoolStats();
  if (pool) {
    m.dbPool.set({ state: "total" }, pool.total);
    m.dbPool.set({ state: "idle" }, pool.idle);
    m.dbPool.set({ state: "waiting" }, pool.waiting);
  }
  try {
    const queues = await within(queueSizes(), timeoutMs);
    m.jobQueue.reset(); // a queue gone (or no worker any more) leaves no stale series
    for (const q of queues ?? []) {
      m.jobQueue.set({ queue: q.name, state: "queued" }, q.queued);
      m.jobQueue.set({ queue: q.name, state: "active" }, q.active);
      m.jobQueue.set({ queue: q.name, state: "failed" }, q.failed);
    }
  } catch {
    m.jobQueueScrapeErrors.inc();
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
