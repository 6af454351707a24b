// `npm run jobs` — runs every durable job (lib/jobs/registry.ts) once, as of a given time, against
// the database this environment names, prints what each did and exits. Operators use it to catch
// up by hand; tests use it to move time forward (an automatic review due tomorrow: `--at` then).
//   npm run jobs                                   every job, now
//   npm run jobs -- --at 2027-01-05T00:00:00+08:00 as of that instant (what is due by then)
//   npm run jobs -- --only prune-expired,upload-orphan-sweep
// Production: DATABASE_URL and the KUAIJI_* keys from the environment, as the platform has them.
// Embedded default: the database and keys of $KUAIJI_DATA_DIR (.data): through the running
// platform's port when `npm start` runs, else PGlite opened here (the data directory is locked
// meanwhile, so `npm start` waits for this to finish).
// Exit status: 0 when every job ran, 1 when one failed, 2 for bad arguments.
//
//   npm run jobs -- --demo --at <time>            the same for `npm run demo:transfer`'s hub and
//                                                  two platforms: twice round all three, so what
//                                                  one sends the others act on in the same call
// One target per run; `--demo` runs this script once per instance with that instance's
// environment (scripts/demo/instances.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureLocalSecrets, LOCAL_SECRETS_FILE } from "../lib/crypto/local-secrets";
import { DEFAULT_DB_PORT, startEmbeddedDb } from "../lib/db/embedded";
import { demoEnv, demoInstances } from "./demo/instances";

const USAGE = `用法 / usage:
  npm run jobs [-- --at <ISO 时间>] [--only <任务名>,…] [--demo]`;

interface Target {
  url: string;
  /** What to tell the operator (never the password). */
  label: string;
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The database this environment names; the embedded one is opened here if nobody serves it. */
async function target(env: NodeJS.ProcessEnv): Promise<Target> {
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    return { url: env.DATABASE_URL, label: `${u.host}${u.pathname}`, close: async () => {} };
  }
  const dataDir = path.resolve(env.KUAIJI_DATA_DIR ?? ".data");
  if (!existsSync(path.join(dataDir, LOCAL_SECRETS_FILE))) {
    throw new Error(
      `未设置 DATABASE_URL，且 ${dataDir} 中没有内置数据库。请先运行 npm start。/ No DATABASE_URL and no embedded data in ${dataDir}: run npm start first.`,
    );
  }
  Object.assign(process.env, ensureLocalSecrets(dataDir, process.env));
  const port = Number(env.KUAIJI_DB_PORT ?? DEFAULT_DB_PORT);
  const served = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  if (await answers(served)) {
    return {
      url: served,
      label: `${dataDir}（运行中 / running, port ${port}）`,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedDb({
    dataDir: path.join(dataDir, "pglite"),
    port: 0,
    maxConnections: 4,
  });
  return { url: embedded.url, label: `${dataDir}（PGlite）`, close: () => embedded.stop() };
}

function parse(argv: string[]): { at: Date; only: string[]; demo: boolean } | null {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { at: { type: "string" }, only: { type: "string" }, demo: { type: "boolean" } },
    });
    const at = values.at === undefined ? new Date() : new Date(values.at);
    if (Number.isNaN(at.getTime())) return null;
    const only = (values.only ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return { at, only, demo: values.demo === true };
  } catch {
    return null;
  }
}

/** `--demo`: this script for each demo instance in turn, twice round; the worst exit status. */
function runDemo(argv: string[]): number {
  const rest = argv.filter((a) => a !== "--demo");
  let worst = 0;
  for (let round = 0; round < 2; round++) {
    for (const instance of demoInstances()) {
      console.log(`\n── ${instance.label} ──`);
      const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...rest], {
        env: demoEnv(instance),
        stdio: "inherit",
      });
      worst = Math.max(worst, r.status ?? 1);
    }
  }
  return worst;
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  if (args.demo) return runDemo(process.argv.slice(2));
  const { JOBS } = await import("../lib/jobs/registry");
  const { runJobs, selectJobs } = await import("../lib/jobs/run");
  const selected = selectJobs(JOBS, args.only);
  if (!selected.ok) {
    console.error(
      `未知任务 / unknown job: ${selected.unknown.join(", ")}；可选 / known: ${JOBS.map((j) => j.name).join(", ")}`,
    );
    return 2;
  }

  // A small pool: the embedded server accepts KUAIJI_DB_MAX_CONNECTIONS in all, the platform's
  // own pools included.
  process.env.DATABASE_POOL_SIZE ??= "2";
  process.env.LOG_LEVEL ??= "warn"; // the lines below say what happened
  const db = await target(process.env);
  const { createDb } = await import("../lib/db/client");
  const { logger } = await import("../lib/log/logger");
  const client = createDb(db.url);
  try {
    console.log(`数据库 / database: ${db.label}`);
    console.log(`时间 / at: ${args.at.toISOString()}`);
    const runs = await runJobs(selected.jobs, client, args.at, logger);
    for (const run of runs) {
      if (run.ok) {
        const detail = Object.entries(run.detail ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(", ");
        console.log(`✔ ${run.job}: ${run.processed}${detail ? ` (${detail})` : ""} · ${run.ms} ms`);
      } else {
        console.log(`✖ ${run.job}: 失败 / failed · ${run.ms} ms`);
        console.error(run.error);
      }
    }
    return runs.every((r) => r.ok) ? 0 : 1;
  } finally {
    await client.$disconnect();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[jobs] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
