// A production server for the HTTP sections of `npm run bench`: scripts/start.ts exactly as a user
// runs it (embedded PGlite, demo seed), on free ports and a throwaway data directory, never
// building (the sections say when the build is missing).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 90_000;

export interface BenchServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** the embedded database, for setting up data the way the server sees it */
  dbUrl: string;
  /** from spawn until /api/ready answered */
  readyMs: number;
  stop(): Promise<void>;
}

/** Why no production server can be started, or null. */
export function buildProblem(): string | null {
  return existsSync(path.join(ROOT, ".next/BUILD_ID"))
    ? null
    : "no production build (npm run build)";
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts `scripts/start.ts` on the embedded default with `env` on top; resolves once ready. */
export async function startProductionServer(
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const [port, dbPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kuaiji-bench-http-"));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    KUAIJI_DB_PORT: String(dbPort),
    KUAIJI_DATA_DIR: dataDir,
    KUAIJI_SKIP_BUILD: "1",
    NEXTAUTH_URL: base,
    ...env,
  };
  delete childEnv.DATABASE_URL; // embedded default
  delete childEnv.CAPTCHA_TEST_ANSWER; // not needed: no start-up warning about it
  // The same --import hooks as this process (tsx, and any loader the bench runs with).
  const server = spawn(process.execPath, [...process.execArgv, "scripts/start.ts"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((r) => server.once("exit", r));
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGINT"); // start.ts stops Next, then PGlite
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const t = performance.now();
  try {
    await waitUntilUp(`${base}/api/ready`, () => server.exitCode !== null);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    base,
    dbUrl: `postgresql://postgres@127.0.0.1:${dbPort}/postgres`,
    readyMs: performance.now() - t,
    stop,
  };
}

/** Polls `url` until it answers 2xx; refuses once the server process is gone or time runs out. */
export async function waitUntilUp(url: string, gone: () => boolean): Promise<void> {
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
