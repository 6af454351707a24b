import { randomBytes } from "node:crypto";
import { PgBoss } from "pg-boss";
import pino from "pino";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/registry";
import type { JobDefinition } from "@/lib/jobs/types";
import { startJobWorker } from "@/lib/jobs/worker";

// The durable runner on the test database (PGlite through pglite-socket, or PostgreSQL): queued
// runs survive a restart, N instances share each occurrence, and the registry is what is scheduled.
// pg-boss gets a schema of its own per test (a cron pass claims its schema for 30 s, which would
// hold the next test's first pass back), dropped afterwards.

const url = inject("databaseUrl");
const log = pino({ level: "silent" });
const schemas: string[] = [];
let schema = "";

beforeEach(() => {
  schema = `pgboss_test_${randomBytes(4).toString("hex")}`;
  schemas.push(schema);
});

afterAll(async () => {
  for (const s of schemas) await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
});

const start = (
  jobs: readonly JobDefinition[],
  over: { schedule?: boolean; cronCheckSeconds?: number } = {},
) =>
  startJobWorker({
    connectionString: url,
    db,
    log,
    jobs,
    schema,
    pollingIntervalSeconds: 0.5,
    ...over,
  });

/** A job that records the instant of each run. */
function recorder(name: string, schedule: string) {
  const runs: Date[] = [];
  const job: JobDefinition = {
    name,
    schedule,
    handler: async ({ now }) => {
      runs.push(now);
      return { processed: 1 };
    },
  };
  return { job, runs };
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** pg-boss itself, to see and place what the runner cannot be asked for. */
async function rawBoss<T>(work: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = new PgBoss({
    connectionString: url,
    schema,
    max: 1,
    schedule: false,
    supervise: false,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    return await work(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

describe("job worker (pg-boss)", () => {
  it("runs a run queued before a restart once the runner is back", async () => {
    const { job, runs } = recorder("test-durable", "0 0 1 1 *");
    const first = await start([job]);
    // Due in 3 s: what a schedule's occurrence or a retry waiting for its backoff looks like.
    await rawBoss((boss) => boss.send(job.name, null, { startAfter: 3 }));
    await first.stop();
    await new Promise((r) => setTimeout(r, 3500));
    expect(runs).toHaveLength(0); // nobody was running: it waited in the database

    const second = await start([job]);
    try {
      await until(() => runs.length > 0, 15_000);
      expect(runs).toHaveLength(1);
    } finally {
      await second.stop();
    }
    const [stored] = await rawBoss((boss) => boss.findJobs(job.name));
    expect(stored).toMatchObject({ state: "completed", output: { processed: 1 } });
  }, 60_000);

  it("sends each scheduled occurrence once to N instances, and one of them runs it", async () => {
    // Every second, but pg-boss files occurrences in one-minute slots: one run per minute. Start
    // early in a minute so the test does not straddle two slots.
    const second = new Date().getUTCSeconds();
    if (second > 35) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const { job, runs } = recorder("test-shared", "* * * * * *");
    const fast = { cronCheckSeconds: 1 };
    const instances = [await start([job], fast), await start([job], fast)];
    try {
      await until(() => runs.length > 0, 15_000);
      await new Promise((r) => setTimeout(r, 3000)); // room for a second run, which must not come
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((w) => w.stop()));
    }
  }, 90_000);

  it("schedules every job of the registry in Beijing time, and drops a job taken out of it", async () => {
    const stale = recorder("test-removed", "0 3 * * *").job;
    const withStale = await start([...JOBS, stale], { schedule: false });
    await withStale.stop();
    const registry = await start(JOBS, { schedule: false });
    await registry.stop();

    const schedules = await rawBoss((boss) => boss.getSchedules());
    expect(
      schedules
        .filter((s) => !s.name.startsWith("test-"))
        .map((s) => [s.name, s.cron, s.timezone])
        .sort(),
    ).toEqual(JOBS.map((j) => [j.name, j.schedule, "Asia/Shanghai"]).sort());
    expect(schedules.map((s) => s.name)).not.toContain(stale.name);
  }, 60_000);
});
