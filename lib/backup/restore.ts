// `npm run restore`: verify, then the database, then the objects.
//
// Nothing is touched before every file of the backup matches its checksum. The schema is
// rebuilt from the backup's own migrations (the code must contain them, unchanged), the rows
// are loaded in one transaction, then any newer migrations of this code run over them — so a
// backup restores into the version that made it or any later one.
import "server-only";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations, listLocalMigrations } from "@/scripts/db/migrations";
import type { ObjectStorage } from "@/lib/storage/types";
import { hasData, loadDatabase, resetSchema } from "./db-dump";
import { BackupError, objectFile, readManifest, verifyBackup, type Manifest } from "./manifest";

export interface RestoreOptions {
  url: string;
  storage: ObjectStorage;
  dir: string;
  /** Replace a database that holds data (its public schema is dropped). */
  force?: boolean;
  log?: (message: string) => void;
}

export const NOT_EMPTY =
  "目标数据库中已有数据，未做任何恢复；确认要覆盖请加 --force。/ The target database holds data; nothing was restored. Add --force to replace it.";

export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const { dir, url, storage } = options;
  const log = options.log ?? (() => {});
  const manifest = await readManifest(dir);
  await verifyBackup(dir, manifest);
  log(
    `备份校验通过 / backup verified: ${manifest.tables.length} tables, ${manifest.objects.length} objects`,
  );
  if (!options.force && (await hasData(url))) throw new BackupError(NOT_EMPTY);

  const migrationsDir = await backupMigrations(manifest);
  try {
    await resetSchema(url);
    await applyMigrations(url, { migrationsDir });
    await loadDatabase(url, dir, manifest);
    const newer = await applyMigrations(url);
    for (const m of newer.applied) log(`  新迁移 / newer migration applied: ${m.name}`);
  } finally {
    await rm(migrationsDir, { recursive: true, force: true });
  }
  log("数据库已恢复 / database restored");

  for (const o of manifest.objects) {
    await storage.put(o.key, createReadStream(objectFile(dir, o.key)), {
      contentType: o.contentType,
      contentLength: o.bytes,
    });
  }
  log(`对象已恢复 / objects restored: ${manifest.objects.length}`);
  return manifest;
}

/** A migrations directory holding exactly the backup's migrations, checked against the code's. */
async function backupMigrations(manifest: Manifest): Promise<string> {
  const local = new Map(listLocalMigrations().map((m) => [m.name, m]));
  const problems = manifest.migrations.flatMap((m) => {
    const mine = local.get(m.name);
    if (!mine) return [`${m.name}（本版本没有 / not in this code）`];
    return mine.checksum === m.checksum ? [] : [`${m.name}（内容不同 / changed since)`];
  });
  if (problems.length > 0) {
    throw new BackupError(
      `备份来自另一版本，请用生成它的版本（${manifest.appVersion}）恢复 / the backup needs migrations this code lacks: ${problems.join(", ")}`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), "kuaiji-restore-migrations-"));
  for (const m of manifest.migrations) {
    await mkdir(path.join(dir, m.name));
    await copyFile(local.get(m.name)!.file, path.join(dir, m.name, "migration.sql"));
  }
  return dir;
}
