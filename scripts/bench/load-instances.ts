// The app instances of `npm run bench -- --only load`: `scripts/start.ts` exactly as production
// runs it (DATABASE_URL set: no PGlite, no seed; Next.js in its own child process through
// scripts/next-server.ts), several on one database and one object store, each on its own port,
// and the resident memory of each instance's processes sampled while they run.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { freePort, ROOT, waitUntilUp } from "./server";

/**
 * Limits a real deployment keeps and a load from one address would trip: every request of the
 * bench comes from 127.0.0.1, so the per-address counts (README's env table) are lifted; the
 * per-instance upload slots are raised so the mix's uploads are never refused for being many.
 */
export const LOAD_LIMITS: Record<string, string> = {
  KUAIJI_LOGIN_PER_IP: "1000000",
  KUAIJI_LOGIN_PER_NETWORK: "1000000",
  KUAIJI_LOGIN_CAPTCHA_AFTER_IP_FAILURES: "1000000",
  KUAIJI_LOGIN_CAPTCHA_ALL_PER_MINUTE: "1000000",
  KUAIJI_CAPTCHA_PER_IP: "1000000",
  KUAIJI_UPLOADS_IN_FLIGHT: "64",
};

export interface LoadInstance {
  base: string;
  readyMs: number;
  /** highest sum of VmRSS over the instance's processes seen so far, MiB */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** The process and every descendant (start.ts runs Next.js as a child). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  for (let todo = [pid]; todo.length > 0;) {
    const p = todo.pop()!;
    all.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return all;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Starts one instance; resolves once /api/ready answers. */
export async function startLoadInstance(
  env: NodeJS.ProcessEnv,
  databaseUrl: string,
): Promise<LoadInstance> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    ...LOAD_LIMITS,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    KUAIJI_SKIP_BUILD: "1",
    NEXTAUTH_URL: base,
  };
  delete childEnv.CAPTCHA_TEST_ANSWER; // production-like: no test switch
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "./scripts/server-only/register.mjs", "--import", "tsx", "scripts/start.ts"],
    // stdout is one JSON line per action: real work for the server, noise here
    { cwd: ROOT, env: childEnv, stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise((r) => child.once("exit", r));
  // The bench's last-resort time limit exits at once (index.ts): take the instance down with it,
  // Next.js's process included, rather than leave servers running.
  const killTree = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    for (const pid of processTree(child.pid).reverse()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", killTree);
  let peakKiB = 0;
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const total = processTree(child.pid).reduce((sum, p) => sum + rssKiB(p), 0);
    peakKiB = Math.max(peakKiB, total);
  };
  const sampler = setInterval(sample, 250);
  const stop = async () => {
    clearInterval(sampler);
    process.removeListener("exit", killTree);
    if (child.exitCode === null) child.kill("SIGINT");
    await exited;
  };
  const t = performance.now();
  try {
    await waitUntilUp(`${base}/api/ready`, () => child.exitCode !== null);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, readyMs: performance.now() - t, peakRssMiB: () => peakKiB / 1024, stop };
}
