import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";

// What a job is (issue 10, "Durable jobs"): a plain function that does whatever is due at `now`
// according to the data — rows whose due time has passed, never "what happened since my last
// run". So the same function serves the pg-boss schedule (now = the clock), the cron route on
// Vercel and `npm run jobs -- --at <time>` (operators and tests moving time forward), and running
// it twice, or on two instances at once, does no harm.

export interface JobContext {
  db: Db;
  /** The instant the job acts as of: the clock, or `--at`. */
  now: Date;
  log: Logger;
}

export interface JobResult {
  /** Rows or messages the run acted on (0: nothing was due). */
  processed: number;
  /** Counts by kind for the log and `npm run jobs` (e.g. { captchas: 3, sessions: 1 }). */
  detail?: Record<string, number>;
}

export type JobHandler = (ctx: JobContext) => Promise<JobResult>;

export interface JobDefinition {
  /** The pg-boss queue name: lower-case words with "-", never renamed once deployed. */
  name: string;
  /**
   * When pg-boss runs it: a cron expression in Beijing time (minute resolution; "*\/5 * * * *").
   * What the run does is decided by the data, so this is only how soon due work is picked up.
   */
  schedule: string;
  handler: JobHandler;
}
