import "server-only";
import { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { JOBS } from "./registry";
import { runJob } from "./run";
import type { JobDefinition } from "./types";

// The durable runner: pg-boss (a PostgreSQL job queue; it runs on the embedded PGlite through
// pglite-socket as on PostgreSQL) keeps the schedules and queued runs in the database, in its own
// schema `pgboss`. So they survive restarts; on N instances sharing a database each occurrence
// is sent once (pg-boss claims the cron pass and files each occurrence under a singleton key) and
// run by whichever worker fetches it first (SKIP LOCKED); a failed run is retried with backoff.

/**
 * Retries and retention of every job's runs; applied again at each start, so a change here
 * reaches queues created before it.
 */
const RUNS = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 30 * 60,
  expireInSeconds: 10 * 60,
  deleteAfterSeconds: 24 * 60 * 60,
} as const;

/**
 * `stately`: at most one run waiting and one running per job, so a slow run is never joined by a
 * pile of others (each run does everything due anyway). Fixed when the queue is created.
 */
const POLICY = "stately";

/** Schedules are read in Beijing time, like everything else the platform shows. */
const TIME_ZONE = "Asia/Shanghai";

export interface JobWorkerOptions {
  /** The database pg-boss connects to (its own small pool; Prisma keeps its own). */
  connectionString: string;
  /** Handed to the handlers. */
  db: Db;
  log: Logger;
  jobs?: readonly JobDefinition[];
  /** pg-boss's schema (tests use one of their own). */
  schema?: string;
  /**
   * pg-boss's connections. Two: its polls are short statements, and the embedded server accepts
   * KUAIJI_DB_MAX_CONNECTIONS (20) in all, Prisma's pool (DATABASE_POOL_SIZE, 10) included.
   */
  poolSize?: number;
  /** Seconds between a worker's polls for due runs; 5 costs about 2 statements a second idle. */
  pollingIntervalSeconds?: number;
  /** false: this instance runs no cron pass (tests: another instance's schedules). */
  schedule?: boolean;
  /**
   * How often the cron pass looks for due occurrences (pg-boss's cronMonitorIntervalSeconds,
   * default 30; one instance claims each pass) and forwards them (cronWorkerIntervalSeconds, 5).
   * Tests shorten both.
   */
  cronCheckSeconds?: number;
  /** Tries to reach the database, waiting 1 s, 2 s, … up to 30 s between them; default 1. */
  startAttempts?: number;
}

/** Runs of one job by state (pg-boss's counts; /api/metrics shows them). */
export interface JobQueueSize {
  name: string;
  queued: number;
  active: number;
  /** Failed runs still retained (deleteAfterSeconds): recent failures, not an all-time total. */
  failed: number;
}

export interface JobWorker {
  /** Waits up to 10 s for running handlers, then closes pg-boss's pool. Idempotent. */
  stop(): Promise<void>;
  queueSizes(): Promise<JobQueueSize[]>;
}

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const { db, log, jobs = JOBS } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? "pgboss",
    max: options.poolSize ?? 2,
    application_name: "kuaiji-jobs",
    schedule: options.schedule ?? true,
    ...(options.cronCheckSeconds && {
      cronMonitorIntervalSeconds: options.cronCheckSeconds,
      cronWorkerIntervalSeconds: options.cronCheckSeconds,
    }),
  });
  // pg-boss reports failures of its own loops here; without a listener they would be thrown.
  boss.on("error", (error: Error) =>
    log.error({ err: { type: error.name, message: error.message } }, "job queue error"),
  );
  boss.on("warning", (warning: { message: string }) =>
    log.warn({ warning: warning.message }, "job queue warning"),
  );
  await boss.start({ attempts: options.startAttempts ?? 1 });
  try {
    await dropRemovedSchedules(boss, jobs, log);
    for (const job of jobs) {
      await boss.createQueue(job.name, { policy: POLICY, ...RUNS });
      await boss.updateQueue(job.name, RUNS);
      await boss.schedule(job.name, job.schedule, null, { tz: TIME_ZONE, missed: "once" });
      await boss.work(
        job.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 },
        // A throw fails the run, and pg-boss retries it (RUNS); the result is the run's output.
        () => runJob(job, db, new Date(), log),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  log.info({ jobs: jobs.map((j) => j.name) }, "job worker started");
  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
    async queueSizes() {
      const queues = await boss.getQueues(jobs.map((j) => j.name));
      return queues.map((q) => ({
        name: q.name,
        queued: q.queuedCount,
        active: q.activeCount,
        failed: q.failedCount,
      }));
    },
  };
}

/** A job taken out of the registry leaves its schedule behind in the database: remove it. */
async function dropRemovedSchedules(
  boss: PgBoss,
  jobs: readonly JobDefinition[],
  log: Logger,
): Promise<void> {
  const names = new Set(jobs.map((j) => j.name));
  for (const s of await boss.getSchedules()) {
    if (names.has(s.name)) continue;
    await boss.unschedule(s.name, s.key);
    log.info({ job: s.name }, "schedule of a removed job dropped");
  }
}
