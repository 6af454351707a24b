// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a local
// data directory and served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, in
// this process. Everything else (Prisma via @prisma/adapter-pg, `pg`, psql, the Next.js server in
// its own process) connects to the returned URL exactly as to a real PostgreSQL.
//
// Caveats for code running against it:
// - PGlite is ONE session underneath. While one connection holds a transaction, every other
//   connection's query waits until it ends. Inside `db.$transaction(async (tx) => …)` use only
//   `tx`: a stray `db.` call there waits on itself until the transaction times out (it would pass
//   on PostgreSQL). For the same reason session state leaks between connections: never `SET`
//   (use `SET LOCAL` inside a transaction), and session advisory locks are re-entrant for all.
// - @prisma/adapter-pg refuses pg_catalog's internal "char" type (OID 18) in results: in
//   `$queryRaw` over catalog tables cast such columns (`relkind::text`).
// - Only one process may open a data directory: we hold `<dataDir>.lock` while running.
// - PGlite must be closed explicitly (`stop()`), or the process hangs and the data dir may need
//   recovery on next start.
import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExtendedProtocolBatchesTogether } from "./pglite-protocol-queue";

export interface EmbeddedDbOptions {
  /** PGlite data directory; default `${KUAIJI_DATA_DIR ?? ".data"}/pglite`; "memory://" for a throwaway database */
  dataDir?: string;
  /** default 127.0.0.1 */
  host?: string;
  /** default $KUAIJI_DB_PORT or 54329; 0 picks a free port */
  port?: number;
  /** concurrent socket connections served; default 10 (match DATABASE_POOL_SIZE) */
  maxConnections?: number;
}

export interface EmbeddedDb {
  /** postgresql:// URL for pg / @prisma/adapter-pg / psql */
  url: string;
  host: string;
  port: number;
  dataDir: string;
  /** the underlying PGlite, for in-process administration (dumps); prefer the URL */
  pglite: PGlite;
  /** stops serving, closes PGlite and releases the data directory; idempotent */
  stop(): Promise<void>;
}

export const DEFAULT_DB_PORT = 54329;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.KUAIJI_DATA_DIR ?? ".data", "pglite");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Data directories this process has open (a pid match alone may be a restarted container). */
const heldHere = new Set<string>();

function inUse(dataDir: string, owner: number | string): Error {
  return new Error(
    `数据目录 ${dataDir} 正被进程 ${owner} 使用（平台已在运行？）。/ The data directory ${dataDir} is in use by process ${owner} (is the platform already running?).`,
  );
}

/** Guards a data directory against a second opener (PGlite itself does not). */
function lockDataDir(dataDir: string): () => void {
  if (heldHere.has(dataDir)) throw inUse(dataDir, process.pid);
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      heldHere.add(dataDir);
      return () => {
        heldHere.delete(dataDir);
        rmSync(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) throw inUse(dataDir, owner);
      rmSync(lockFile, { force: true }); // stale lock from a crashed run
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

export async function startEmbeddedDb(options: EmbeddedDbOptions = {}): Promise<EmbeddedDb> {
  const memory = options.dataDir?.startsWith("memory://") ?? false;
  const dataDir = memory ? options.dataDir! : path.resolve(options.dataDir ?? defaultDataDir());
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? Number(process.env.KUAIJI_DB_PORT ?? DEFAULT_DB_PORT);

  let unlock = () => {};
  if (!memory) {
    mkdirSync(path.dirname(dataDir), { recursive: true }); // PGlite throws ENOENT otherwise
    unlock = lockDataDir(dataDir);
  }

  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    pglite = new PGlite(memory ? undefined : dataDir);
    await pglite.waitReady;
    server = new PGLiteSocketServer({
      db: pglite,
      host,
      port,
      maxConnections: options.maxConnections ?? 10,
    });
    keepExtendedProtocolBatchesTogether(server);
    await server.start().catch((e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE") {
        throw new Error(
          `端口 ${host}:${port} 已被占用：请设置 KUAIJI_DB_PORT。/ Port ${host}:${port} is in use; set KUAIJI_DB_PORT to another port.`,
          { cause: e },
        );
      }
      throw e;
    });
  } catch (e) {
    await pglite?.close().catch(() => {});
    unlock();
    throw e;
  }

  const actualPort = Number(server.getServerConn().split(":").pop());
  const db = pglite;
  const srv = server;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${host}:${actualPort}/postgres?sslmode=disable`,
    host,
    port: actualPort,
    dataDir,
    pglite: db,
    stop() {
      stopping ??= (async () => {
        try {
          await srv.stop();
        } finally {
          try {
            await db.close();
          } finally {
            unlock();
          }
        }
      })();
      return stopping;
    },
  };
}
