// A throwaway PostgreSQL cluster of our own for the fault tests (tests/system/fault-*.test.ts):
// they stop, restart and crash their server, which must never be the machine's shared one
// (port 5432, other suites use it). initdb + pg_ctl from the installed server (`pg_config
// --bindir`), a free loopback port, fsync off (nothing here must survive a power cut), and the
// data directory removed at the end. initdb refuses to run as root: as root, the commands run as
// the `postgres` user.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface PgCluster {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** A new, empty database on the cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart`: "fast" ends every session cleanly, "immediate" as a crash would. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  stop(mode: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and removes its data directory. */
  destroy(): Promise<void>;
}

/** Why no cluster can be made here, or null (the server's binaries are missing). */
export function clusterProblem(): string | null {
  try {
    binDir();
    return null;
  } catch {
    return "PostgreSQL server binaries not found (pg_config --bindir)";
  }
}

function binDir(): string {
  return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const tool = async (name: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, name), ...args]]
      : [path.join(bin, name), args];
    await run(file, argv, { timeout: 60_000 });
  };
  // Under /tmp (world-writable): the postgres user creates it when we are root.
  const dataDir = path.join(tmpdir(), `kuaiji-fault-pg-${randomBytes(6).toString("hex")}`);
  const logFile = `${dataDir}.log`;
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${tmpdir()} -c fsync=off -c full_page_writes=off`;
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let running = false;

  const cluster: PgCluster = {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async restart(mode) {
      await tool("pg_ctl", [
        "-D",
        dataDir,
        "-m",
        mode,
        "-w",
        "-o",
        options,
        "-l",
        logFile,
        "restart",
      ]);
      running = true;
    },
    async stop(mode) {
      await tool("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]);
      running = false;
    },
    async start() {
      await tool("pg_ctl", ["-D", dataDir, "-w", "-o", options, "-l", logFile, "start"]);
      running = true;
    },
    async destroy() {
      if (running) await cluster.stop("immediate").catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
      await rm(logFile, { force: true });
    },
  };
  try {
    await tool("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-N", "-E", "UTF8"]);
    await cluster.start();
  } catch (e) {
    await cluster.destroy();
    throw e;
  }
  return cluster;
}
