import "server-only";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import type { JobDefinition, JobResult } from "./types";

// Running jobs once, outside pg-boss's schedule: `npm run jobs` and the cron route. (pg-boss's
// workers call runJob for one job each; worker.ts.)

export type JobRun =
  | ({ job: string; ok: true; ms: number } & JobResult)
  | { job: string; ok: false; ms: number; error: unknown };

/** Runs one job at `now` and logs one line; a failure is logged and thrown on. */
export async function runJob(
  job: JobDefinition,
  db: Db,
  now: Date,
  log: Logger,
): Promise<JobResult & { ms: number }> {
  const started = performance.now();
  const jobLog = log.child({ job: job.name });
  try {
    const result = await job.handler({ db, now, log: jobLog });
    const ms = Math.round(performance.now() - started);
    jobLog.info({ processed: result.processed, detail: result.detail, ms, at: now }, "job done");
    return { ...result, ms };
  } catch (error) {
    // Type, code and stack only: a database error's message can quote row values.
    jobLog.error(
      {
        err:
          error instanceof Error
            ? { type: error.name, code: (error as { code?: unknown }).code, stack: error.stack }
            : { type: typeof error },
        at: now,
      },
      "job failed",
    );
    throw error;
  }
}

/**
 * Runs every job (or those named in `only`) one after another at `now`. A failing job does not
 * stop the others; its run says so.
 */
export async function runJobs(
  jobs: readonly JobDefinition[],
  db: Db,
  now: Date,
  log: Logger,
): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const started = performance.now();
    try {
      runs.push({ job: job.name, ok: true, ...(await runJob(job, db, now, log)) });
    } catch (error) {
      runs.push({ job: job.name, ok: false, ms: Math.round(performance.now() - started), error });
    }
  }
  return runs;
}

/** The registry's jobs named in `only` (all when empty); unknown names are an error. */
export function selectJobs(
  jobs: readonly JobDefinition[],
  only: readonly string[],
): { ok: true; jobs: JobDefinition[] } | { ok: false; unknown: string[] } {
  if (only.length === 0) return { ok: true, jobs: [...jobs] };
  const unknown = only.filter((name) => !jobs.some((j) => j.name === name));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, jobs: jobs.filter((j) => only.includes(j.name)) };
}
