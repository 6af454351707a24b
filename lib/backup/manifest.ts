// What a backup directory holds and how it is checked before anything is restored.
//
//   <backup>/manifest.json      this file's shape (Manifest)
//   <backup>/db/<table>.ndjson  one JSON object per row (row_to_json), see db-dump.ts
//   <backup>/objects/<key>      the object's bytes, same key as in storage
//
// Every file's SHA-256 is in the manifest, so a backup that was changed, truncated or partly
// copied is refused before the database or the store is touched.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export const MANIFEST_FILE = "manifest.json";
export const FORMAT = "kuaiji-backup/1";

export interface TableEntry {
  name: string;
  rows: number;
  sha256: string;
}

export interface ObjectEntry {
  key: string;
  bytes: number;
  sha256: string;
  contentType: string;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  appVersion: string;
  /** Applied migrations (name + file checksum) in order: the schema the rows belong to. */
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  /** last_value of every sequence in the public schema (null: never used). */
  sequences: { name: string; lastValue: string | null }[];
  /** Rows of the tables an operator checks first, repeated from `tables` for reading. */
  counts: Record<string, number>;
  objects: ObjectEntry[];
  /** Keys an Attachment row of the dump names that were not in the store (see backup.ts). */
  missingObjects: string[];
}

/** Tables whose counts the manifest and the commands print. */
export const KEY_TABLES = ["Person", "Archive", "ArchiveVersion", "Attachment", "AuditEvent"];

export class BackupError extends Error {
  override name = "BackupError";
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

export function tableFile(dir: string, table: string): string {
  return path.join(dir, "db", `${table}.ndjson`);
}

export function objectFile(dir: string, key: string): string {
  return path.join(dir, "objects", ...key.split("/"));
}

export async function readManifest(dir: string): Promise<Manifest> {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;
  } catch (error) {
    throw new BackupError(
      `无法读取备份清单 ${path.join(dir, MANIFEST_FILE)}：${(error as Error).message} / not a kuaiji backup`,
    );
  }
  if (parsed.format !== FORMAT) {
    throw new BackupError(`不支持的备份格式 ${String(parsed.format)}（需要 ${FORMAT}）`);
  }
  return parsed as Manifest;
}

/**
 * Checks every table file and object against the manifest; throws a BackupError naming every
 * file that is missing or changed (keys and table names only, never contents).
 */
export async function verifyBackup(dir: string, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  const check = async (label: string, file: string, expected: string) => {
    try {
      if ((await sha256File(file)) !== expected)
        problems.push(`${label}（校验值不符 / checksum mismatch）`);
    } catch {
      problems.push(`${label}（缺失 / missing）`);
    }
  };
  for (const t of manifest.tables)
    await check(`数据表 ${t.name}`, tableFile(dir, t.name), t.sha256);
  for (const o of manifest.objects) await check(`对象 ${o.key}`, objectFile(dir, o.key), o.sha256);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n  ");
    const more = problems.length > 20 ? `\n  …另有 ${problems.length - 20} 项` : "";
    throw new BackupError(
      `备份已损坏，未做任何恢复 / the backup is damaged, nothing was restored:\n  ${shown}${more}`,
    );
  }
}
