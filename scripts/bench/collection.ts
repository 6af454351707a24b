// 信息采集 step save under concurrency (issue 3, issue 9): what saveCollectionStepAction does per
// request — checkSession, then saveStep (schema, revision and step checks, the draft write, orphan
// marks, audit row, atomically) — next to the bare write of the same draft row (one updateMany
// under the revision check, nothing else). The A/B ratio is the figure that matters: what the
// session check, validation and audit cost on top of the write itself; the round trips per
// operation (counted on the wire, wire-counter.ts) say where it goes.
//
//   collectionFigures      in process, minus Next's transport, on the database index.ts gives it;
//   collectionHttpFigures  opt-in (`--only collection-http`, needs a production build made with
//                          `npm run build`): the real server action through `scripts/start.ts`
//                          vs the gated route app/api/bench/draft-write, on PGlite (in a process
//                          of its own, as the embedded default runs it) and on PostgreSQL.
//
// Every person has their own session and draft, and an operation always takes a person no other
// operation in flight holds, so no two writes meet on one row: the figures are the path's own,
// not lock waits. Each save names the revision the previous save of that person returned.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { RequestContext } from "@/lib/audit/audit";
import { checkSession, createSession } from "@/lib/account/session-service";
import { loadDraft, saveStep } from "@/lib/collection/draft-service";
import type { CollectionDraft } from "@/lib/collection/whole-record";
import { createDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { saveAll, uploadPersonalFiles, validSteps } from "../../tests/support/collection";
import { createPerson } from "../../tests/support/person";
import { startTestDatabase } from "../../tests/support/test-db";
import { percentile, perSecond, runConcurrent, type Sample } from "./measure";
import type { Figure } from "./report";
import { waitUntilUp } from "./server";
import { startWireCounter, type WireCounter } from "./wire-counter";

/** One person per operation in flight at the highest concurrency. */
export const COLLECTION_PEOPLE = 8;
const CONCURRENCIES = [1, 8] as const;
const WARMUP = 24;
/** Per measured run: a count and a time cap (measure.ts), the cap being the one that binds; the
 * cap is each path's total over its turns. */
const MAX_OPS = 5_000;
const CAP_MS = 3_000;
/** Each path's measured time at a concurrency is split into this many turns, A and B alternating. */
const ROUNDS = 5;
/** Sequential operations whose round trips are counted (after the warm-up). */
const COUNTED_OPS = COLLECTION_PEOPLE;

const ctx: RequestContext = { ip: "198.51.100.7", userAgent: "kuaiji-bench" };

/** The step saved over and over: 奖励信息, the last data step, so the draft row is full-size. */
const STEP = "awards";
const AWARDS = {
  awards: [
    { name: "先进会计工作者", level: "PROVINCIAL", year: 2024 },
    { name: "优秀财务人员", level: "MUNICIPAL", year: 2021 },
  ],
};

interface Drafter {
  sessionId: string;
  personId: string;
  revision: number;
  /** The draft's steps as saveStep leaves them, for the bare write to store again. */
  steps: CollectionDraft;
}

/**
 * A person with a live session whose draft has every step before 奖励信息 complete, set up
 * through the services (uploads included) exactly as the wizard leaves it.
 */
async function prepare(db: Db, storage: LocalDiskStorage): Promise<Drafter> {
  const p = await createPerson(db);
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: p.id }, ctx));
  const check = await checkSession(db, ctx, sessionId);
  if (!check.ok) throw new Error(`fresh session refused: ${check.reason}`);
  const files = await uploadPersonalFiles(db, storage, check.person);
  const revision = await saveAll(db, check.person, { ...validSteps(files), [STEP]: AWARDS });
  const { steps } = await loadDraft(db, p.id);
  return { sessionId, personId: p.id, revision, steps };
}

/** COLLECTION_PEOPLE prepared people, and the setup time; uploads go to a throwaway store. */
async function preparePeople(db: Db): Promise<{ people: Drafter[]; setup: Figure }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-objects-"));
  try {
    const storage = new LocalDiskStorage(dir);
    const t = performance.now();
    const people: Drafter[] = [];
    // One at a time: PGlite is one session, and the setup is not what is measured.
    for (let i = 0; i < COLLECTION_PEOPLE; i++) people.push(await prepare(db, storage));
    const setup = {
      label: `set up ${COLLECTION_PEOPLE} people (session, uploads, 5 steps)`,
      unit: "ms",
      value: performance.now() - t,
      digits: 0,
    };
    return { people, setup };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `op` on a person no other operation in flight holds (concurrency ≤ people). */
function exclusive<D>(people: D[], op: (d: D) => Promise<void>) {
  const free = [...people];
  return async () => {
    const d = free.pop();
    if (!d) throw new Error("more operations in flight than people");
    try {
      await op(d);
    } finally {
      free.push(d);
    }
  };
}

interface Run {
  throughput: number;
  p50: number;
  p95: number;
  samples: number;
}

function summary(s: Sample): Run {
  return {
    throughput: perSecond(s),
    p50: percentile(s.latencies, 50),
    p95: percentile(s.latencies, 95),
    samples: s.count,
  };
}

function runFigures(what: string, r: Run): Figure[] {
  return [
    { label: `${what} throughput`, unit: "ops/s", value: r.throughput, digits: 1 },
    { label: `${what} samples`, unit: "ops", value: r.samples, digits: 0 },
    { label: `${what} p50`, unit: "ms", value: r.p50, digits: 2 },
    { label: `${what} p95`, unit: "ms", value: r.p95, digits: 2 },
  ];
}

/** Database round trips per operation: COUNTED_OPS of them one after another, on the wire. */
async function roundTrips(counter: WireCounter, op: () => Promise<void>): Promise<number> {
  counter.reset();
  await runConcurrent(1, COUNTED_OPS, 60_000, op);
  return counter.roundTrips() / COUNTED_OPS;
}

/** Both paths again, on a connection that goes through a round-trip counter. */
interface Counted {
  counter: WireCounter;
  a: () => Promise<void>;
  b: () => Promise<void>;
}

/**
 * Warms both paths up, counts their round trips, then runs A and B at each concurrency, with the
 * A/B ratios.
 */
async function compare(
  a: () => Promise<void>,
  b: () => Promise<void>,
  names: { a: string; b: string },
  { capMs = CAP_MS, counted }: { capMs?: number; counted: Counted },
): Promise<Figure[]> {
  // A and B take turns in short rounds: on a shared machine the load drifts, and a drift during
  // one long run of A and then one of B would show up in the ratio.
  const alternate = async (c: number): Promise<[Run, Run]> => {
    const empty = (): Sample => ({ count: 0, elapsedMs: 0, latencies: [] });
    const [sa, sb] = [empty(), empty()];
    const turn = async (op: () => Promise<void>, into: Sample) => {
      const s = await runConcurrent(c, MAX_OPS, capMs / ROUNDS, op);
      into.count += s.count;
      into.elapsedMs += s.elapsedMs;
      into.latencies.push(...s.latencies);
    };
    for (let round = 0; round < ROUNDS; round++) {
      await turn(a, sa);
      await turn(b, sb);
    }
    return [summary(sa), summary(sb)];
  };
  // Warm-up: connections, Prisma's query plans, the schema's code tables, Next's route modules.
  await runConcurrent(COLLECTION_PEOPLE, WARMUP, capMs, a);
  await runConcurrent(COLLECTION_PEOPLE, WARMUP, capMs, b);
  const figures: Figure[] = [];
  {
    const { counter } = counted;
    const [ta, tb] = [await roundTrips(counter, counted.a), await roundTrips(counter, counted.b)];
    figures.push(
      { label: `A ${names.a}: database round trips per op`, unit: "", value: ta, digits: 1 },
      { label: `B ${names.b}: database round trips per op`, unit: "", value: tb, digits: 1 },
    );
  }
  for (const c of CONCURRENCIES) {
    const [ra, rb] = await alternate(c);
    figures.push(
      ...runFigures(`A ${names.a}, concurrency ${c}`, ra),
      ...runFigures(`B ${names.b}, concurrency ${c}`, rb),
      {
        label: `A/B throughput, concurrency ${c}`,
        unit: "×",
        value: ra.throughput / rb.throughput,
        digits: 3,
      },
      { label: `A/B p95, concurrency ${c}`, unit: "×", value: ra.p95 / rb.p95, digits: 1 },
    );
  }
  return figures;
}

// --- In process ---------------------------------------------------------------------------------

/** A: the server action's work for one 下一步 on 奖励信息. */
async function loggedInSave(db: Db, d: Drafter): Promise<void> {
  const check = await checkSession(db, ctx, d.sessionId);
  if (!check.ok) throw new Error(`session refused during the benchmark: ${check.reason}`);
  const r = await saveStep(db, ctx, check.person, {
    step: STEP,
    data: AWARDS,
    revision: d.revision,
  });
  if (!r.ok) throw new Error(`step save refused during the benchmark: ${JSON.stringify(r)}`);
  d.revision = r.revision;
}

/** B: the same row written the minimal way. */
async function bareWrite(db: Db, d: Drafter): Promise<void> {
  const r = await db.collectionDraft.updateMany({
    where: { personId: d.personId, revision: d.revision },
    data: { steps: d.steps as Prisma.InputJsonObject, revision: d.revision + 1 },
  });
  if (r.count !== 1) throw new Error("bare draft write missed its row during the benchmark");
  d.revision += 1;
}

/** `url`: the database `db` is connected to; a second client reaches it through the counter. */
export async function collectionFigures(db: Db, url: string): Promise<Figure[]> {
  const { people, setup } = await preparePeople(db);
  const counter = await startWireCounter(url);
  const viaCounter = createDb(counter.url);
  try {
    return [
      setup,
      ...(await compare(
        exclusive(people, (d) => loggedInSave(db, d)),
        exclusive(people, (d) => bareWrite(db, d)),
        { a: "step save", b: "bare write" },
        {
          counted: {
            counter,
            a: exclusive(people, (d) => loggedInSave(viaCounter, d)),
            b: exclusive(people, (d) => bareWrite(viaCounter, d)),
          },
        },
      )),
    ];
  } finally {
    await viaCounter.$disconnect();
    await counter.close();
  }
}

// --- Over HTTP ----------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_CAP_MS = 5_000;

/** Whether the HTTP comparison can run: a production build that has the bench route. */
export function httpBuildProblem(): string | null {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) return "no production build (npm run build)";
  if (!existsSync(path.join(ROOT, ".next/server/app/api/bench/draft-write")))
    return "the build has no app/api/bench/draft-write route (rebuild)";
  return null;
}

/** The action's id and a page that hosts it, from the build's server-reference manifest. */
export function saveActionTarget(): { id: string; page: string } {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== "saveCollectionStepAction") continue;
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
    if (!worker) break;
    const segments = worker.split("/").slice(1, -1); // drop "app" and "page"
    return { id, page: `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}` };
  }
  throw new Error("saveCollectionStepAction is not in the build's server-reference manifest");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** The values of a server action's RSC response that carry an ActionResult. */
export function actionResult(body: string): { ok: boolean; data?: { revision?: unknown } } | null {
  for (const line of body.split("\n")) {
    const json = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!json) continue;
    try {
      const value = JSON.parse(json) as { ok?: unknown; data?: { revision?: unknown } };
      if (typeof value.ok === "boolean") return value as { ok: boolean };
    } catch {
      // another kind of row
    }
  }
  return null;
}

interface HttpDrafter extends Drafter {
  cookie: string;
}

/** A database for the HTTP server: a fresh PostgreSQL database, or PGlite in its own process. */
export type HttpBackend = { kind: "pglite" } | { kind: "postgres"; serverUrl: string };

interface HttpDatabase {
  url: string;
  stop(): Promise<void>;
}

async function startHttpDatabase(backend: HttpBackend): Promise<HttpDatabase> {
  if (backend.kind === "postgres") {
    const testDb = await startTestDatabase({
      ...process.env,
      TEST_DATABASE_URL: backend.serverUrl,
    });
    return { url: testDb.url, stop: () => testDb.stop() };
  }
  // On disk, like the embedded default's .data/pglite; 40 connections: Next's pool and ours.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-pglite-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "./scripts/server-only/register.mjs",
      "--import",
      "tsx",
      "scripts/bench/pglite-server.ts",
      path.join(dataDir, "pglite"),
      "40",
    ],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise((r) => child.once("exit", r));
  const stop = async () => {
    child.stdin?.end();
    if (child.exitCode === null) child.kill("SIGINT");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    return { url: await firstJsonLine<{ url: string }>(child).then((l) => l.url), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = out.split("\n").find((l, i, all) => i < all.length - 1 && l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as T);
    });
    child.once("exit", (code) => reject(new Error(`the database process exited (${code})`)));
  });
}

/**
 * The real action through a production server (scripts/start.ts with DATABASE_URL, so Next.js
 * runs exactly as deployed) vs the bench route doing the bare write through the same stack.
 * Next.js reaches the database through the round-trip counter: both paths pay its hop, and the
 * counts are of what the server really sends. People are set up directly on the database; their
 * session cookie is the next-auth JWT a login would have set (it carries only the session id).
 */
export async function collectionHttpFigures(backend: HttpBackend): Promise<Figure[]> {
  const { id, page } = saveActionTarget();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const database = await startHttpDatabase(backend);
  let counter: WireCounter | undefined;
  let server: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  let db: Db | undefined;
  try {
    counter = await startWireCounter(database.url);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: counter.url,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      KUAIJI_SKIP_BUILD: "1",
      KUAIJI_ALLOW_TEST_SWITCHES: "1", // the bench route exists only with both
      KUAIJI_BENCH_ROUTES: "1",
      NEXTAUTH_URL: base,
    };
    delete env.CAPTCHA_TEST_ANSWER; // not needed here: no start-up warning about it
    server = spawn(
      process.execPath,
      ["--import", "./scripts/server-only/register.mjs", "--import", "tsx", "scripts/start.ts"],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "ignore", "inherit"], // the action log lines are real work; not shown
      },
    );
    const child = server;
    exited = new Promise((r) => child.once("exit", r));
    const t = performance.now();
    await waitUntilUp(`${base}/api/ready`, () => child.exitCode !== null);
    const readyMs = performance.now() - t;
    db = createDb(database.url);
    const { people, setup } = await preparePeople(db);
    const secret = process.env.NEXTAUTH_SECRET!;
    const drafters: HttpDrafter[] = await Promise.all(
      people.map(async (d) => {
        const jwt = await encode({ token: { sub: d.personId, sid: d.sessionId }, secret });
        return { ...d, cookie: `next-auth.session-token=${jwt}` };
      }),
    );
    let responseBytes = 0;
    const action = async (d: HttpDrafter) => {
      const res = await fetch(base + page, {
        method: "POST",
        headers: {
          "Next-Action": id,
          Accept: "text/x-component",
          "Content-Type": "text/plain;charset=UTF-8",
          Origin: base,
          Cookie: d.cookie,
        },
        body: JSON.stringify([{ step: STEP, data: AWARDS, revision: d.revision, mode: "next" }]),
      });
      const body = await res.text();
      const r = actionResult(body);
      if (!res.ok || !r?.ok || typeof r.data?.revision !== "number")
        throw new Error(`server action refused: HTTP ${res.status} ${body.slice(0, 300)}`);
      d.revision = r.data.revision;
      responseBytes = body.length;
    };
    const bare = async (d: HttpDrafter) => {
      const res = await fetch(`${base}/api/bench/draft-write`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: d.cookie },
        body: JSON.stringify({ personId: d.personId, revision: d.revision, steps: d.steps }),
      });
      const r = (await res.json().catch(() => null)) as { ok?: boolean } | null;
      if (!res.ok || !r?.ok) throw new Error(`bench route refused: HTTP ${res.status}`);
      d.revision += 1;
    };
    const [a, b] = [exclusive(drafters, action), exclusive(drafters, bare)];
    const figures = await compare(
      a,
      b,
      { a: "server action", b: "bare route" },
      { capMs: HTTP_CAP_MS, counted: { counter, a, b } },
    );
    return [
      { label: "server ready (start.ts)", unit: "ms", value: readyMs, digits: 0 },
      setup,
      ...figures,
      { label: "action response size", unit: "bytes", value: responseBytes, digits: 0 },
    ];
  } finally {
    await db?.$disconnect();
    if (server && server.exitCode === null) server.kill("SIGINT");
    await exited;
    await counter?.close();
    await database.stop();
  }
}
