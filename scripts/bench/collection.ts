// 信息采集 step save under concurrency (issue 3): what saveCollectionStepAction does per request
// — checkSession, then saveStep (schema, revision and step checks, the draft write, orphan marks,
// audit row, one transaction) — next to the bare write of the same draft row (one updateMany
// under the revision check, nothing else). The A/B ratio is the figure that matters: what the
// session check, validation and audit cost on top of the write itself.
//
//   collectionFigures      in process, minus Next's transport, on the database index.ts gives it;
//   collectionHttpFigures  opt-in (`--only collection-http`, needs a production build made with
//                          `npm run build`): the real server action through `scripts/start.ts`
//                          (embedded) vs the gated route app/api/bench/draft-write.
//
// Every person has their own session and draft, and an operation always takes a person no other
// operation in flight holds, so no two writes meet on one row: the figures are the path's own,
// not lock waits. Each save names the revision the previous save of that person returned.
import { spawn } from "node:child_process";
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
import { percentile, perSecond, runConcurrent, type Sample } from "./measure";
import type { Figure } from "./report";

/** One person per operation in flight at the highest concurrency. */
export const COLLECTION_PEOPLE = 8;
const CONCURRENCIES = [1, 8] as const;
const WARMUP = 24;
/** Per measured run: a count and a time cap (measure.ts), the cap being the one that binds. */
const MAX_OPS = 5_000;
const CAP_MS = 3_000;

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

/** Warms both paths up, then A and B at each concurrency, with the A/B ratios. */
async function compare(
  a: () => Promise<void>,
  b: () => Promise<void>,
  names: { a: string; b: string },
  capMs = CAP_MS,
): Promise<Figure[]> {
  // Warm-up: connections, Prisma's query plans, the schema's code tables, Next's route modules.
  await runConcurrent(COLLECTION_PEOPLE, WARMUP, capMs, a);
  await runConcurrent(COLLECTION_PEOPLE, WARMUP, capMs, b);
  const figures: Figure[] = [];
  for (const c of CONCURRENCIES) {
    const ra = summary(await runConcurrent(c, MAX_OPS, capMs, a));
    const rb = summary(await runConcurrent(c, MAX_OPS, capMs, b));
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

export async function collectionFigures(db: Db): Promise<Figure[]> {
  const { people, setup } = await preparePeople(db);
  return [
    setup,
    ...(await compare(
      exclusive(people, (d) => loggedInSave(db, d)),
      exclusive(people, (d) => bareWrite(db, d)),
      { a: "step save", b: "bare write" },
    )),
  ];
}

// --- Over HTTP ----------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_CAP_MS = 5_000;
const READY_TIMEOUT_MS = 90_000;

/** Whether the HTTP comparison can run: a production build that has the bench route. */
export function httpBuildProblem(): string | null {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) return "no production build (npm run build)";
  if (!existsSync(path.join(ROOT, ".next/server/app/api/bench/draft-write")))
    return "the build has no app/api/bench/draft-write route (rebuild)";
  return null;
}

/** The action's id and a page that hosts it, from the build's server-reference manifest. */
function saveActionTarget(): { id: string; page: string } {
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
function actionResult(body: string): { ok: boolean; data?: { revision?: unknown } } | null {
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

/**
 * The real action through a production server on the embedded default (scripts/start.ts, its own
 * throwaway data directory) vs the bench route doing the bare write through the same stack.
 * People are set up directly on the server's database; their session cookie is the next-auth
 * JWT a login would have set (it carries only the session row's id).
 */
export async function collectionHttpFigures(): Promise<Figure[]> {
  const { id, page } = saveActionTarget();
  const [port, dbPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-http-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    KUAIJI_DB_PORT: String(dbPort),
    KUAIJI_DATA_DIR: dataDir,
    KUAIJI_SKIP_BUILD: "1",
    KUAIJI_ALLOW_TEST_SWITCHES: "1", // the bench route exists only with both
    KUAIJI_BENCH_ROUTES: "1",
    KUAIJI_DB_MAX_CONNECTIONS: "40", // Next's pool and this process's
    NEXTAUTH_URL: base,
  };
  delete env.DATABASE_URL; // embedded default
  delete env.CAPTCHA_TEST_ANSWER; // not needed here: no start-up warning about it
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"], // the action log lines are real work; not shown
  });
  const exited = new Promise((r) => server.once("exit", r));
  let db: Db | undefined;
  try {
    const t = performance.now();
    await waitUntilUp(`${base}/api/ready`, () => server.exitCode !== null);
    const readyMs = performance.now() - t;
    db = createDb(`postgresql://postgres@127.0.0.1:${dbPort}/postgres`);
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
    const figures = await compare(
      exclusive(drafters, action),
      exclusive(drafters, bare),
      { a: "server action", b: "bare route" },
      HTTP_CAP_MS,
    );
    return [
      { label: "server ready (start.ts, PGlite)", unit: "ms", value: readyMs, digits: 0 },
      setup,
      ...figures,
      { label: "action response size", unit: "bytes", value: responseBytes, digits: 0 },
    ];
  } finally {
    await db?.$disconnect();
    if (server.exitCode === null) server.kill("SIGINT"); // start.ts stops Next, then PGlite
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitUntilUp(url: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !gone()) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    gone() ? "the server exited while starting" : `not ready within ${READY_TIMEOUT_MS} ms`,
  );
}
