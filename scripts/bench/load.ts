// `npm run bench -- --only load` (needs `npm run build` and PostgreSQL: BENCH_DATABASE_URL or
// TEST_DATABASE_URL): a 信息采集 campaign's mixed load against a production build — two instances
// of scripts/start.ts on one fresh PostgreSQL database and one object store, requests spread
// across them in turn — for `--seconds` (default 300) at `--rate` requests per second (default 20).
//
// Open model: requests arrive at exponential intervals whatever the answers do (people do not
// wait for each other), so a slow server shows as latency and a growing number in flight, not as
// a politely lower rate. The mix (MIX) is what a campaign brings: the portal, logins (next-auth's
// csrf + credentials callback, argon2 included), 奖励信息 saved with 下一步 (the real server
// action), a headshot upload (/api/attachments, decoded and re-encoded), 我的档案, and
// /api/health as the reference.
//
// The goal is errors = 0 at the stated rate. The ceiling is measured in the same run, as the
// other sections do: /api/health closed-loop on one instance before the campaign; the offered and
// achieved rates are printed as a fraction of it, and each kind's p95 next to /api/health's p95
// under the same load. Peak RSS is each instance's processes (start.ts and its Next.js server)
// summed, sampled every 250 ms.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sessionOwnerTag } from "@/lib/account/session-clock";
import { createDb } from "@/lib/db/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { localStorageDir } from "@/lib/storage/local-disk";
import { startTestDatabase } from "../../tests/support/test-db";
import { headshotJpeg } from "../../tests/fixtures/images/make";
import { PASSWORD } from "./accounts";
import { actionResult, saveActionTarget } from "./collection";
import { startLoadInstance, type LoadInstance } from "./load-instances";
import { type LoadPerson, prepareLoadPeople } from "./load-setup";
import { percentile, perSecond, runConcurrent } from "./measure";
import type { Figure } from "./report";
import { buildProblem } from "./server";

export const LOAD_INSTANCES = 2;
export const DEFAULT_LOAD_SECONDS = 300;
export const DEFAULT_LOAD_RATE = 20;
/** Arrivals beyond this many in flight are counted as errors instead of sent. */
const MAX_IN_FLIGHT = 2_000;
const REQUEST_TIMEOUT_MS = 30_000;
const CEILING_MS = 3_000;
const CEILING_CONCURRENCY = 16;

type Kind = "portal" | "login" | "step-save" | "upload" | "archive" | "health";
/** Share of the arrivals per kind (sums to 1). */
const MIX: Record<Kind, number> = {
  portal: 0.3,
  login: 0.1,
  "step-save": 0.3,
  upload: 0.1,
  archive: 0.15,
  health: 0.05,
};

export interface LoadOptions {
  seconds: number;
  rate: number;
  serverUrl: string;
}

/** `--seconds N` and `--rate N` from the command line, with their defaults. */
export function loadOptionsFrom(argv: string[]): Omit<LoadOptions, "serverUrl"> {
  const number = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`bench: ${flag} needs a positive number`);
    return n;
  };
  return {
    seconds: number("--seconds", DEFAULT_LOAD_SECONDS),
    rate: number("--rate", DEFAULT_LOAD_RATE),
  };
}

/** Why the load section cannot run, or null. */
export function loadProblem(serverUrl: string | undefined): string | null {
  if (!serverUrl) return "needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)";
  return buildProblem();
}

interface Outcome {
  ms: number;
  error?: string;
}

/** People of one group handed out one at a time: no two requests in flight for one person. */
class Pool {
  private free: LoadPerson[];
  constructor(people: LoadPerson[]) {
    this.free = [...people];
  }
  async with<T>(run: (p: LoadPerson) => Promise<T>): Promise<T> {
    const p = this.free.shift();
    if (!p) throw new Error("every person of the group is busy");
    try {
      return await run(p);
    } finally {
      this.free.push(p);
    }
  }
}

async function expectOk(res: Response, what: string, check?: (body: string) => boolean) {
  const body = await res.text();
  if (res.status !== 200 || (check && !check(body)))
    throw new Error(`${what}: HTTP ${res.status} ${body.slice(0, 120).replace(/\s+/g, " ")}`);
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The requests of each kind, against one instance. */
function requests(people: LoadPerson[], headshot: Buffer) {
  const action = saveActionTarget();
  const drafters = new Pool(people.filter((p) => !p.archived));
  const archived = new Pool(people.filter((p) => p.archived));
  const anyone = new Pool(people);
  const awards = (n: number) => ({
    awards: [{ name: `先进会计工作者${n % 1000}`, level: "PROVINCIAL", year: 2024 }],
  });
  let saves = 0;
  return {
    portal: async (base: string, signal: AbortSignal) =>
      expectOk(await fetch(`${base}/`, { signal }), "GET /"),
    health: async (base: string, signal: AbortSignal) =>
      expectOk(await fetch(`${base}/api/health`, { signal }), "GET /api/health"),
    login: (base: string, signal: AbortSignal) =>
      anyone.with(async (p) => {
        // What signIn("credentials", { redirect: false }) sends from the login page.
        const csrf = await fetch(`${base}/api/auth/csrf`, { signal });
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const res = await fetch(`${base}/api/auth/callback/credentials`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Cookie: cookiesOf(csrf),
            Origin: base,
          },
          body: new URLSearchParams({
            csrfToken,
            idNumber: p.idNumber,
            password: PASSWORD,
            json: "true",
            callbackUrl: `${base}/account`,
          }),
          redirect: "manual",
          signal,
        });
        await res.text();
        if (!cookiesOf(res).includes("next-auth.session-token="))
          throw new Error(`login: HTTP ${res.status} without a session cookie`);
      }),
    "step-save": (base: string, signal: AbortSignal) =>
      drafters.with(async (p) => {
        const res = await fetch(base + action.page, {
          method: "POST",
          headers: {
            "Next-Action": action.id,
            Accept: "text/x-component",
            "Content-Type": "text/plain;charset=UTF-8",
            Origin: base,
            Cookie: p.cookie,
          },
          body: JSON.stringify([
            { step: "awards", data: awards(saves++), revision: p.revision, mode: "next" },
          ]),
          signal,
        });
        const body = await res.text();
        const r = actionResult(body);
        if (!res.ok || !r?.ok || typeof r.data?.revision !== "number")
          throw new Error(`step save: HTTP ${res.status} ${body.slice(0, 160)}`);
        p.revision = r.data.revision;
      }),
    upload: (base: string, signal: AbortSignal) =>
      anyone.with(async (p) =>
        expectOk(
          await fetch(`${base}/api/attachments?kind=headshot`, {
            method: "POST",
            headers: {
              "Content-Type": "image/jpeg",
              Origin: base,
              Cookie: p.cookie,
              // as the upload field names its page's owner (lib/auth/page-owner.ts)
              "x-kuaiji-owner": sessionOwnerTag({ personId: p.personId }),
            },
            body: new Uint8Array(headshot),
            signal,
          }),
          "upload",
          (body) => body.includes('"ok":true'),
        ),
      ),
    archive: (base: string, signal: AbortSignal) =>
      archived.with(async (p) =>
        expectOk(
          await fetch(`${base}/account/archive`, {
            headers: { Cookie: p.cookie },
            redirect: "manual",
            signal,
          }),
          "GET /account/archive",
          (body) => body.includes("档案编号"),
        ),
      ),
  } satisfies Record<Kind, LoadRequest>;
}

type LoadRequest = (base: string, signal: AbortSignal) => Promise<void>;

/**
 * One request of a kind, failed after REQUEST_TIMEOUT_MS whatever the transport does: the
 * deadline is ours, so a request stuck anywhere counts as an error instead of holding the run.
 */
function bounded(run: Record<Kind, LoadRequest>, kind: Kind, base: string): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
      controller.abort(error);
      reject(error);
    }, REQUEST_TIMEOUT_MS);
  });
  return Promise.race([run[kind](base, controller.signal), deadline]).finally(() =>
    clearTimeout(timer),
  );
}

function pickKind(): Kind {
  let x = Math.random();
  for (const [kind, share] of Object.entries(MIX) as [Kind, number][]) {
    x -= share;
    if (x < 0) return kind;
  }
  return "portal";
}

/** Open-model arrivals for `seconds` at `rate`/s, spread over the instances in turn. */
async function campaign(
  instances: LoadInstance[],
  run: Record<Kind, LoadRequest>,
  { seconds, rate }: { seconds: number; rate: number },
) {
  const outcomes = new Map<Kind, Outcome[]>(
    (Object.keys(MIX) as Kind[]).map((k) => [k, [] as Outcome[]]),
  );
  const errors = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  let peakInFlight = 0;
  let sent = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let next = t0;
  let shown = t0;
  while (next < end) {
    if (performance.now() - shown > 10_000) {
      shown = performance.now();
      const done = [...outcomes.values()].reduce((n, l) => n + l.length, 0);
      console.log(
        `  ${((shown - t0) / 1000).toFixed(0)} s: ${sent} sent, ${done} answered, ${errors.size} kinds of error, ${pending.size} in flight`,
      );
    }
    const wait = next - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind = pickKind();
    const base = instances[sent++ % instances.length]!.base;
    if (pending.size >= MAX_IN_FLIGHT) {
      outcomes.get(kind)!.push({ ms: 0, error: "generator: too many in flight" });
    } else {
      const t = performance.now();
      const p = bounded(run, kind, base).then(
        () => void outcomes.get(kind)!.push({ ms: performance.now() - t }),
        (e: unknown) => {
          const message = e instanceof Error ? e.message : String(e);
          outcomes.get(kind)!.push({ ms: performance.now() - t, error: message });
          errors.set(`${kind}: ${message}`, (errors.get(`${kind}: ${message}`) ?? 0) + 1);
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
      peakInFlight = Math.max(peakInFlight, pending.size);
    }
    next += (-Math.log(1 - Math.random()) / rate) * 1000; // exponential gap: Poisson arrivals
  }
  const offeredMs = performance.now() - t0;
  console.log(`  ${sent} sent; waiting for the ${pending.size} in flight`);
  await Promise.all(pending);
  return { outcomes, errors, peakInFlight, sent, offeredMs, totalMs: performance.now() - t0 };
}

export async function loadFigures(options: LoadOptions): Promise<Figure[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-load-"));
  const database = await startTestDatabase({
    ...process.env,
    TEST_DATABASE_URL: options.serverUrl,
  });
  const instances: LoadInstance[] = [];
  try {
    // One object store for every instance (and the setup): KUAIJI_DATA_DIR's objects folder.
    const env: NodeJS.ProcessEnv = { ...process.env, KUAIJI_DATA_DIR: dataDir };
    const storage = new LocalDiskStorage(localStorageDir(env));
    const db = createDb(database.url);
    let people: LoadPerson[];
    const setupStart = performance.now();
    try {
      people = await prepareLoadPeople(db, storage);
    } finally {
      await db.$disconnect();
    }
    const setupMs = performance.now() - setupStart;
    console.log(`  ${people.length} people set up in ${(setupMs / 1000).toFixed(1)} s`);
    for (let i = 0; i < LOAD_INSTANCES; i++)
      instances.push(await startLoadInstance(env, database.url));
    console.log(`  ${LOAD_INSTANCES} instances ready: ${instances.map((i) => i.base).join(", ")}`);

    const run = requests(people, await headshotJpeg());
    // Warm-up on every instance: route modules, Prisma's plans, the first render of each page.
    for (const instance of instances)
      for (const kind of Object.keys(MIX) as Kind[])
        await runConcurrent(2, 6, 30_000, () => bounded(run, kind, instance.base));
    console.log("  warmed up; measuring the ceiling, then the campaign");
    const ceiling = await runConcurrent(CEILING_CONCURRENCY, Infinity, CEILING_MS, () =>
      bounded(run, "health", instances[0]!.base),
    );
    const ceilingRps = perSecond(ceiling);

    const r = await campaign(instances, run, options);
    const all = [...r.outcomes.values()].flat();
    const failed = all.filter((o) => o.error).length;
    const healthP95 = percentile(
      r.outcomes
        .get("health")!
        .filter((o) => !o.error)
        .map((o) => o.ms),
      95,
    );
    const figures: Figure[] = [
      {
        label: `people set up (${people.length}: half drafting, half archived)`,
        unit: "ms",
        value: setupMs,
        digits: 0,
      },
      ...instances.map((inst, i) => ({
        label: `instance ${i + 1} ready (start.ts, PostgreSQL)`,
        unit: "ms",
        value: inst.readyMs,
        digits: 0,
      })),
      {
        label: "ceiling: /api/health closed loop, one instance",
        unit: "req/s",
        value: ceilingRps,
        digits: 0,
      },
      { label: "offered rate", unit: "req/s", value: (r.sent * 1000) / r.offeredMs, digits: 1 },
      {
        label: "offered rate ÷ ceiling",
        unit: "×",
        value: (r.sent * 1000) / r.offeredMs / ceilingRps,
        digits: 3,
      },
      {
        label: "throughput (answered ok)",
        unit: "req/s",
        value: ((all.length - failed) * 1000) / r.totalMs,
        digits: 1,
      },
      { label: "requests", unit: "", value: all.length, digits: 0 },
      { label: "errors (goal 0)", unit: "", value: failed, digits: 0 },
      { label: "peak in flight", unit: "", value: r.peakInFlight, digits: 0 },
    ];
    for (const [kind, list] of r.outcomes) {
      const ok = list.filter((o) => !o.error).map((o) => o.ms);
      const p95 = percentile(ok, 95);
      figures.push(
        { label: `${kind}: requests`, unit: "", value: list.length, digits: 0 },
        { label: `${kind}: errors`, unit: "", value: list.length - ok.length, digits: 0 },
        { label: `${kind}: p50`, unit: "ms", value: percentile(ok, 50), digits: 1 },
        { label: `${kind}: p95`, unit: "ms", value: p95, digits: 1 },
      );
      if (kind !== "health")
        figures.push({
          label: `${kind}: p95 ÷ health p95`,
          unit: "×",
          value: p95 / healthP95,
          digits: 1,
        });
    }
    instances.forEach((inst, i) =>
      figures.push({
        label: `instance ${i + 1} peak RSS (all its processes)`,
        unit: "MiB",
        value: inst.peakRssMiB(),
        digits: 0,
      }),
    );
    if (r.errors.size > 0) {
      console.error("\n[load] errors by kind and message:");
      for (const [message, n] of [...r.errors].sort((a, b) => b[1] - a[1]).slice(0, 20))
        console.error(`  ${n} × ${message}`);
    }
    return figures;
  } finally {
    for (const instance of instances) await instance.stop();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
