// The process's Prometheus metrics (prom-client), served by /api/metrics. Each instance keeps its
// own: Prometheus scrapes every instance and sums.
//
// Kept on globalThis, like lib/jobs/shutdown.ts, because two copies of this module meet here:
// scripts/next-server.ts (plain Node) counts HTTP requests with one, the Next.js bundle (actions,
// the route) uses another. No "server-only" marker and nothing but prom-client imported, so the
// plain-Node side can load it. Labels are names chosen in code (route patterns, action names,
// queue names), never values a user typed.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type ActionOutcome = "ok" | "refused" | "failed";

interface Metrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method" | "status">;
  actions: Counter<"action" | "outcome">;
  dbPool: Gauge<"state">;
  jobQueue: Gauge<"queue" | "state">;
  jobQueueScrapeErrors: Counter;
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const http = ["route", "method", "status"] as const;
  return {
    registry,
    httpRequests: new Counter({
      name: "kuaiji_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status class (2xx, 4xx, …)",
      labelNames: http,
      registers,
    }),
    httpDuration: new Histogram({
      name: "kuaiji_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern",
      labelNames: http,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    actions: new Counter({
      name: "kuaiji_action_outcomes_total",
      help: "Server actions run, by action name and outcome (ok, refused: an expected refusal, failed: an unexpected error)",
      labelNames: ["action", "outcome"],
      registers,
    }),
    dbPool: new Gauge({
      name: "kuaiji_db_pool_connections",
      help: "Prisma's PostgreSQL pool on this instance: total and idle connections, queries waiting for one",
      labelNames: ["state"],
      registers,
    }),
    jobQueue: new Gauge({
      name: "kuaiji_job_queue_jobs",
      help: "Runs of each job in pg-boss by state (queued, active, failed: retained recent failures), as of pg-boss's last monitor pass",
      labelNames: ["queue", "state"],
      registers,
    }),
    jobQueueScrapeErrors: new Counter({
      name: "kuaiji_job_queue_scrape_errors_total",
      help: "Scrapes that could not read the job queue sizes in time (the gauges keep their last values)",
      registers,
    }),
  };
}

const state = globalThis as unknown as { kuaijiMetrics?: Metrics };

export function metrics(): Metrics {
  state.kuaijiMetrics ??= create();
  return state.kuaijiMetrics;
}

/** Counts a server action's outcome (lib/auth/action-client.ts, guarded()). */
export function recordAction(name: string, outcome: ActionOutcome): void {
  metrics().actions.inc({ action: name, outcome });
}
