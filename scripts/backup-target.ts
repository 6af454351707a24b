// The database and object store `npm run backup` / `npm run restore` work on.
//
// DATABASE_URL set: that database — as DATABASE_MIGRATION_URL's role, the schema's owner, when
// given (a restore rebuilds the schema) — and the configured store (S3_* or local, lib/storage).
// Unset: the embedded default in KUAIJI_DATA_DIR (.data), whatever else is set. A backup of a running `npm start`
// goes through its socket (PGlite serialises transactions, so the dump is one moment); when the
// platform is stopped the data directory is opened here. A restore needs the platform stopped:
// it opens the data directory itself.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DB_PORT, startEmbeddedDb } from "../lib/db/embedded";
import { ownerDatabaseUrl } from "../lib/db/url";
import { createStorage } from "../lib/storage/storage";
import type { ObjectStorage } from "../lib/storage/types";
import type { Manifest } from "../lib/backup/manifest";
import { redactUrl } from "./db/redact-url";

export interface Target {
  url: string;
  storage: ObjectStorage;
  /** what is printed: never a password */
  label: string;
  dataDir?: string;
  stop(): Promise<void>;
}

/** The pid of the `npm start` holding the embedded database, if one is running. */
function runningEmbedded(pgliteDir: string): number | null {
  const lock = `${pgliteDir}.lock`;
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").trim());
  if (!pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export async function openTarget(purpose: "backup" | "restore"): Promise<Target> {
  const storage = createStorage();
  const url = process.env.DATABASE_URL && ownerDatabaseUrl();
  if (url) {
    return { url, storage, label: redactUrl(url), stop: async () => {} };
  }
  const dataDir = path.resolve(process.env.KUAIJI_DATA_DIR ?? ".data");
  const pgliteDir = path.join(dataDir, "pglite");
  const pid = runningEmbedded(pgliteDir);
  if (pid !== null) {
    if (purpose === "restore") {
      throw new Error(
        `平台正在运行（进程 ${pid}）：请先停止 npm start 再恢复。/ The platform is running (pid ${pid}); stop npm start before restoring.`,
      );
    }
    const port = process.env.KUAIJI_DB_PORT ?? String(DEFAULT_DB_PORT);
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    return {
      url,
      storage,
      label: `${pgliteDir}（运行中 / running）`,
      dataDir,
      stop: async () => {},
    };
  }
  if (purpose === "backup" && !existsSync(pgliteDir)) {
    throw new Error(
      `未设置 DATABASE_URL，且 ${pgliteDir} 中没有内置数据库。/ No DATABASE_URL and no embedded database in ${pgliteDir}.`,
    );
  }
  const embedded = await startEmbeddedDb({ dataDir: pgliteDir, port: 0, maxConnections: 4 });
  return { url: embedded.url, storage, label: pgliteDir, dataDir, stop: () => embedded.stop() };
}

export function printCounts(manifest: Manifest): void {
  for (const [table, rows] of Object.entries(manifest.counts)) console.log(`  ${table}: ${rows}`);
  console.log(`  objects: ${manifest.objects.length}`);
}

/** Runs a command's main, exits with its code; an error prints its message only (no stack, no env). */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
