// `npm run bench -- --only pages` (needs `npm run build`): requests per second of the portal, 通知公告 and
// the login pages next to /api/health — the cheapest route there is, through the same server,
// proxy and compression — at the same concurrency in the same run. The goal is a ratio, not a
// time: each page serves at least PAGE_GOAL of what /api/health serves on this machine now.
//
// The load generator is a keep-alive loop over node:http in this process (autocannon-like, no
// dependency), sending what a browser sends (Accept-Encoding: gzip); each response is read to the
// end. The server is scripts/start.ts on the embedded default, so the pages read real notices.
// Rounds alternate the paths, so a machine that gets busier during the run slows all alike.
import http from "node:http";
import { percentile, perSecond, runConcurrent, type Sample } from "./measure";
import type { Figure } from "./report";
import { startProductionServer } from "./server";

export const PAGE_PATHS = ["/", "/notices", "/login", "/register"] as const;
const REFERENCE = "/api/health";
export const PAGE_GOAL = 0.5;
export const PAGE_CONCURRENCY = 16;
const ROUNDS = 3;
const ROUND_CAP_MS = 2_000;
const WARMUP = 200;

const HEADERS = {
  Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "Accept-Encoding": "gzip, deflate, br",
  "Accept-Language": "zh-CN,zh;q=0.9",
  "User-Agent": "kuaiji-bench",
};

interface Hit {
  status: number;
  bytes: number;
  cache: string | undefined;
}

function get(agent: http.Agent, url: URL): Promise<Hit> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: HEADERS }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          cache: res.headers["x-nextjs-cache"] as string | undefined,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

interface PathRun {
  samples: Sample[];
  bytes: number;
  cache: string | undefined;
}

function merged(samples: Sample[]): Sample {
  return {
    count: samples.reduce((n, s) => n + s.count, 0),
    elapsedMs: samples.reduce((n, s) => n + s.elapsedMs, 0),
    latencies: samples.flatMap((s) => s.latencies),
  };
}

/** Requests per second of each page and of /api/health, and their ratios, on one server. */
export async function pagesFigures(): Promise<Figure[]> {
  const server = await startProductionServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: PAGE_CONCURRENCY });
  try {
    const paths = [REFERENCE, ...PAGE_PATHS];
    const runs = new Map<string, PathRun>(
      paths.map((p) => [p, { samples: [], bytes: 0, cache: undefined }]),
    );
    const hit = async (path: string) => {
      const r = await get(agent, new URL(path, server.base));
      if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
      const run = runs.get(path)!;
      run.bytes = r.bytes;
      run.cache = r.cache;
    };
    // Warm-up: sockets, route modules, and the static pages' first render on this server.
    for (const p of paths) await runConcurrent(PAGE_CONCURRENCY, WARMUP, 10_000, () => hit(p));
    for (let round = 0; round < ROUNDS; round++) {
      for (const p of paths) {
        const sample = await runConcurrent(PAGE_CONCURRENCY, Infinity, ROUND_CAP_MS, () => hit(p));
        runs.get(p)!.samples.push(sample);
      }
    }
    const rps = (p: string) => perSecond(merged(runs.get(p)!.samples));
    const reference = rps(REFERENCE);
    const figures: Figure[] = [
      { label: "server ready (start.ts, PGlite)", unit: "ms", value: server.readyMs, digits: 0 },
    ];
    for (const p of paths) {
      const run = runs.get(p)!;
      const all = merged(run.samples);
      const cache = run.cache ? ` [x-nextjs-cache ${run.cache}]` : "";
      figures.push(
        { label: `GET ${p} throughput${cache}`, unit: "req/s", value: rps(p), digits: 0 },
        { label: `GET ${p} p50`, unit: "ms", value: percentile(all.latencies, 50), digits: 1 },
        { label: `GET ${p} p95`, unit: "ms", value: percentile(all.latencies, 95), digits: 1 },
        { label: `GET ${p} response (gzip)`, unit: "bytes", value: run.bytes, digits: 0 },
      );
    }
    for (const p of PAGE_PATHS) {
      figures.push({
        label: `GET ${p} ÷ ${REFERENCE} (goal ≥ ${PAGE_GOAL})`,
        unit: "×",
        value: rps(p) / reference,
        digits: 2,
      });
    }
    return figures;
  } finally {
    agent.destroy();
    await server.stop();
  }
}
