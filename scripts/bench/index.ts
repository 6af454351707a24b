// `npm run bench`: speed and memory figures of the account foundation (CONTRIBUTING.md: figures
// live here, not in timed tests). Prints tables and exits by itself in well under two minutes:
//   1. crypto micro-benchmarks (argon2id, SM4 / AES-256-GCM field cipher, blind index);
//   2. login, session check and SMS-code send against the embedded default (in-memory PGlite);
//   3. the same against PostgreSQL when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set, in a
//      fresh `kuaiji_test_<random>` database that is dropped afterwards;
//   4. 信息采集: a logged-in step save next to the bare write of the same draft row, on the same
//      databases (collection.ts).
//   5. 课程学分导入: a full 1000-row sheet read, checked and imported (course-import.ts).
//   6. opt-in, named with --only (needs `npm run build`): the 信息采集 save over HTTP, the real
//      server action through scripts/start.ts vs a bare route handler, on PGlite and (with the
//      URL above) on PostgreSQL, with the database round trips of each.
//   7. opt-in, named with --only (needs `npm run build`): `pages`, requests/s of the portal and
//      login pages against /api/health (pages.ts); `page-js`, every page's first-load JavaScript
//      against its ceiling (page-js.ts).
//   8. opt-in, named with --only: `transfer`, 1,000 跨省调转 through the hub and two platforms
//      as real processes, per transfer next to a bare signed round trip (transfer.ts).
//   9. opt-in, named with --only: `console`, 人员查询, 统计分析 and 导出 on DATABASE_URL filled by
//      `npm run seed:scale -- --people 2000000`, each next to raw SQL (console.ts).
//  10. opt-in, named with --only (needs `npm run build` and PostgreSQL): `load`, a 信息采集
//      campaign's mixed load on two production instances sharing one database, open-model
//      arrivals at `--rate N`/s for `--seconds N` (default 20/s for 300 s) (load.ts).
//  11. opt-in, named with --only (needs `npm run build` and Chromium): `lighthouse`, Lighthouse's
//      mobile scores of the portal, 登录, 注册 and 个人中心 (lighthouse.ts).
// `--only crypto,accounts,collection,course-import,collection-http,pages,page-js,transfer,console,load,lighthouse`
// runs just the sections named.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "../db/migrations";
import { startTestDatabase, testSecrets } from "../../tests/support/test-db";
import { ACCOUNTS, accountFigures, buildSeedAccounts, type SeedAccount } from "./accounts";
import {
  COLLECTION_PEOPLE,
  collectionFigures,
  collectionHttpFigures,
  type HttpBackend,
  httpBuildProblem,
} from "./collection";
import { courseImportFigures, IMPORT_PEOPLE } from "./course-import";
import { cryptoFigures } from "./crypto";
import { pageJsFigures, pageJsProblem, PAGE_JS_CEILING_KB } from "./page-js";
import { PAGE_CONCURRENCY, pagesFigures } from "./pages";
import { rssMiB } from "./measure";
import { buildProblem } from "./server";
import { printTable, type Figure } from "./report";
import { TRANSFER_GOAL, TRANSFERS, transferFigures } from "./transfer";
import { SEARCH_GOAL_MS } from "./console";
import { consoleFigures } from "./console-services";
import { LOAD_INSTANCES, loadFigures, loadOptionsFrom, loadProblem } from "./load";
import { lighthouseFigures, lighthouseProblem } from "./lighthouse";

const SECTIONS = [
  "crypto",
  "accounts",
  "collection",
  "course-import",
  "collection-http",
  "pages",
  "page-js",
  "transfer",
  "console",
  "load",
  "lighthouse",
] as const;
type Section = (typeof SECTIONS)[number];
const onlyAt = process.argv.indexOf("--only");
const only: string[] =
  onlyAt > 0 ? (process.argv[onlyAt + 1] ?? "").split(",") : SECTIONS.slice(0, 4);
for (const name of only) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`bench: unknown section "${name}" (known: ${SECTIONS.join(", ")})`);
    process.exit(2);
  }
}
const runs = (section: Section) => only.includes(section);
const load = loadOptionsFrom(process.argv);

const TIME_LIMIT_MS =
  110_000 +
  (runs("collection") ? 60_000 : 0) +
  (runs("course-import") ? 90_000 : 0) +
  (runs("collection-http") ? 240_000 : 0) +
  (runs("pages") ? 120_000 : 0) +
  (runs("transfer") ? 2_400_000 : 0) +
  (runs("console") ? 1_800_000 : 0) +
  (runs("load") ? load.seconds * 1000 + 600_000 : 0) +
  (runs("lighthouse") ? 900_000 : 0);

// Last resort only: every loop is already bounded by count and time. A PostgreSQL database
// created by this run may be left behind when this fires (its name was printed).
setTimeout(() => {
  console.error(`\nbench: still running after ${TIME_LIMIT_MS / 1000} s, giving up`);
  process.exit(2);
}, TIME_LIMIT_MS).unref();

interface StartedDb {
  url: string;
  /** starting PGlite, or CREATE DATABASE on the server */
  startMs: number;
  migrateMs: number;
  stop(): Promise<void>;
}

interface Backend {
  name: string;
  start(): Promise<StartedDb>;
}

function masked(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

const pglite: Backend = {
  name: "PGlite (embedded)",
  async start() {
    const t = performance.now();
    // The bench's client and the round-trip counter's (collection.ts) each have a pool.
    const embedded = await startEmbeddedDb({ dataDir: "memory://", port: 0, maxConnections: 20 });
    const startMs = performance.now() - t;
    try {
      const { ms } = await applyMigrations(embedded.url);
      return { url: embedded.url, startMs, migrateMs: ms, stop: () => embedded.stop() };
    } catch (e) {
      await embedded.stop();
      throw e;
    }
  },
};

function postgres(serverUrl: string): Backend {
  return {
    name: "PostgreSQL",
    async start() {
      const t = performance.now();
      const testDb = await startTestDatabase({ ...process.env, TEST_DATABASE_URL: serverUrl });
      console.log(`  fresh database: ${masked(testDb.url)} (dropped at the end)`);
      const totalMs = performance.now() - t;
      return {
        url: testDb.url,
        startMs: totalMs - testDb.migrateMs,
        migrateMs: testDb.migrateMs,
        stop: () => testDb.stop(),
      };
    },
  };
}

interface DbFigures {
  accounts?: Figure[];
  collection?: Figure[];
  courseImport?: Figure[];
}

/** The database sections on one fresh database; accounts first, so its RSS figures are its own. */
async function runOn(backend: Backend, accounts: SeedAccount[] | null): Promise<DbFigures> {
  const rssBefore = rssMiB();
  const started = await backend.start();
  const db = createDb(started.url);
  try {
    const [{ version }] = await db.$queryRaw<[{ version: string }]>`SELECT version() AS version`;
    console.log(`  server: ${version}`);
    return {
      ...(accounts && { accounts: await accountFigures(db, accounts, { ...started, rssBefore }) }),
      ...(runs("collection") && { collection: await collectionFigures(db, started.url) }),
      ...(runs("course-import") && { courseImport: await courseImportFigures(db) }),
    };
  } finally {
    await db.$disconnect();
    await started.stop();
  }
}

async function main(): Promise<void> {
  const outboxDir = mkdtempSync(path.join(os.tmpdir(), "kuaiji-bench-"));
  // Fresh keys (names and format of lib/crypto/keys.ts) and the switches the SMS path needs to
  // run unattended: a fixed captcha answer, codes written to a throwaway outbox file.
  Object.assign(process.env, testSecrets(), {
    CAPTCHA_TEST_ANSWER: "test",
    KUAIJI_ALLOW_TEST_SWITCHES: "1",
    SMS_DRIVER: "outbox",
    SMS_OUTBOX_FILE: path.join(outboxDir, "sms-outbox.jsonl"),
  });
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL;

  const command =
    (serverUrl
      ? `${process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : "BENCH_DATABASE_URL"}=${masked(serverUrl)} `
      : "") +
    (process.env.npm_lifecycle_event === "bench"
      ? "npm run bench"
      : "node --import ./scripts/server-only/register.mjs --import tsx scripts/bench/index.ts") +
    (onlyAt > 0
      ? `${process.env.npm_lifecycle_event === "bench" ? " --" : ""} --only ${only.join(",")}`
      : "") +
    (runs("load") ? ` --seconds ${load.seconds} --rate ${load.rate}` : "");
  const cpus = os.cpus();
  console.log("kuaiji bench — account foundation");
  console.log(`command: ${command}`);
  console.log(
    `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${fmtGiB(os.totalmem())} GiB RAM, ` +
      `node ${process.version} ${process.platform}/${process.arch}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"}`,
  );
  console.log(`started: ${new Date().toISOString()}, ${loadAverage()}`);

  const t0 = performance.now();
  let failed = false;
  try {
    if (runs("crypto")) {
      const crypto = await phase("crypto", cryptoFigures);
      printTable("1. Crypto (no database)", [{ name: "value", figures: crypto }]);
    }

    const accounts = runs("accounts")
      ? await phase(
          `seed data: ${ACCOUNTS} accounts, built once for every database`,
          buildSeedAccounts,
        )
      : null;

    // PostgreSQL runs first so its RSS figures are the client's alone: memory PGlite (in this
    // process) used is not handed back to the OS at once. Columns show PGlite, the default, first.
    const display = [pglite, ...(serverUrl ? [postgres(serverUrl)] : [])];
    const columns: { name: string; figures: DbFigures }[] = [];
    for (const backend of [...display].reverse()) {
      if (!accounts && !runs("collection") && !runs("course-import")) break;
      try {
        columns.unshift({
          name: backend.name,
          figures: await phase(backend.name, () => runOn(backend, accounts)),
        });
      } catch (e) {
        failed = true;
        console.error(
          `[${backend.name}] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
    }
    const table = (title: string, section: keyof DbFigures) => {
      const cols = columns.flatMap((c) => {
        const figures = c.figures[section];
        return figures ? [{ name: c.name, figures }] : [];
      });
      if (cols.length > 0) printTable(title, cols);
    };
    table(
      `2. Account services on a database (${ACCOUNTS} accounts; latencies per operation)`,
      "accounts",
    );
    table(
      `3. 信息采集 step save (A: checkSession + saveStep) vs bare draft write (B: one updateMany); ` +
        `${COLLECTION_PEOPLE} people, each their own session and draft row`,
      "collection",
    );
    table(
      `4. 课程学分导入: a full sheet for ${IMPORT_PEOPLE} people (staff of 广州市, people in 天河区)`,
      "courseImport",
    );
    if (runs("collection-http")) {
      const problem = httpBuildProblem();
      if (problem) {
        failed = true;
        console.error(`\n[collection-http] cannot run: ${problem}`);
      } else {
        const http: { name: string; figures: Figure[] }[] = [];
        const backends: [string, HttpBackend][] = [
          ["PGlite (embedded)", { kind: "pglite" }],
          ...(serverUrl
            ? [["PostgreSQL", { kind: "postgres", serverUrl }] as [string, HttpBackend]]
            : []),
        ];
        for (const [name, backend] of backends) {
          try {
            const figures = await phase(`collection-http, ${name}`, () =>
              collectionHttpFigures(backend),
            );
            http.push({ name, figures });
          } catch (e) {
            failed = true;
            console.error(
              `[collection-http, ${name}] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
          }
        }
        if (http.length > 0)
          printTable(
            `5. 信息采集 over HTTP: server action (A) vs bare route handler (B), production build`,
            http,
          );
      }
    }
    if (runs("pages")) {
      const problem = buildProblem();
      if (problem) {
        failed = true;
        console.error(`\n[pages] cannot run: ${problem}`);
      } else {
        printTable(
          `6. Pages vs /api/health: requests/s at concurrency ${PAGE_CONCURRENCY}, same server, same run`,
          [{ name: "HTTP", figures: await phase("pages", pagesFigures) }],
        );
      }
    }
    if (runs("page-js")) {
      const problem = pageJsProblem();
      if (problem) {
        failed = true;
        console.error(`\n[page-js] cannot run: ${problem}`);
      } else {
        printTable(
          `7. First-load JavaScript per page (gzip, kB = 1000 bytes; ceiling ${PAGE_JS_CEILING_KB} kB)`,
          [{ name: "build", figures: await phase("page-js", pageJsFigures) }],
        );
      }
    }
    if (runs("transfer")) {
      printTable(
        `8. 跨省调转: ${TRANSFERS} transfers 广东 → 深圳 through the hub, three processes (goal: per transfer ≤ ${TRANSFER_GOAL} bare round trips per signed request)`,
        [
          {
            name: serverUrl ? "PostgreSQL" : "PGlite (embedded)",
            figures: await phase("transfer", transferFigures),
          },
        ],
      );
    }
    if (runs("console")) {
      printTable(
        `9. 财政部门管理端 on DATABASE_URL (search goal p95 ≤ ${SEARCH_GOAL_MS} ms; raw SQL: the same statements through node-postgres)`,
        await phase("console", consoleFigures),
      );
    }
    if (runs("load")) {
      const problem = loadProblem(serverUrl);
      if (problem) {
        failed = true;
        console.error(`\n[load] cannot run: ${problem}`);
      } else {
        const figures = await phase("load", () => loadFigures({ ...load, serverUrl: serverUrl! }));
        printTable(
          `10. 信息采集 campaign: mixed load at ${load.rate} req/s (open model) for ${load.seconds} s, ${LOAD_INSTANCES} production instances on one PostgreSQL database (goal: errors 0)`,
          [{ name: "PostgreSQL", figures }],
        );
        if (figures.find((f) => f.label === "errors (goal 0)")!.value > 0) failed = true;
      }
    }
    if (runs("lighthouse")) {
      const problem = buildProblem() ?? lighthouseProblem();
      if (problem) {
        failed = true;
        console.error(`\n[lighthouse] cannot run: ${problem}`);
      } else {
        printTable(
          `11. Lighthouse (mobile: simulated mid-range phone, slow 4G, 4× CPU slowdown), median of each page's runs`,
          [{ name: "mobile", figures: await phase("lighthouse", lighthouseFigures) }],
        );
      }
    }
    if (!serverUrl && (runs("accounts") || runs("collection") || runs("course-import")))
      console.log("\n(TEST_DATABASE_URL / BENCH_DATABASE_URL not set: PostgreSQL column skipped)");
  } finally {
    rmSync(outboxDir, { recursive: true, force: true });
  }
  console.log(
    `\ntotal: ${((performance.now() - t0) / 1000).toFixed(1)} s; at the end ${loadAverage()}`,
  );
  if (failed) process.exitCode = 1;
}

async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  console.log(`\n[${name}] running…`);
  const t = performance.now();
  const result = await run();
  console.log(`[${name}] ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

// Other work on the machine skews every figure: say how busy it was.
function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1/5/15 min)`;
}

function fmtGiB(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
