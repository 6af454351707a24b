// `npm run backup`: the database first, then the objects — in that order on purpose.
//
// Objects are immutable and written before the row that names them (lib/upload: put, then
// insert), and removed only after their row is gone (the orphan sweep deletes the row, then the
// object). So every object a row of the snapshot names already existed when the snapshot was
// taken, and copying the store *after* the dump finds it — unless the sweep removed its row and
// the object in between; such keys are listed as `missingObjects` and reported (the row was
// already an orphan about to go). Objects newer than the snapshot are copied too: harmless
// extras that the next sweep removes after a restore. The reverse order would lose files of
// rows committed between the two steps.
import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ObjectStorage } from "@/lib/storage/types";
import { dumpDatabase } from "./db-dump";
import { FORMAT, MANIFEST_FILE, objectFile, type Manifest, type ObjectEntry } from "./manifest";

export interface BackupOptions {
  url: string;
  storage: ObjectStorage;
  /** A new directory (refused when it exists, so a backup never mixes with another). */
  dir: string;
  appVersion: string;
  now?: Date;
}

export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const { dir, storage } = options;
  await mkdir(path.dirname(path.resolve(dir)), { recursive: true, mode: 0o700 });
  await mkdir(dir, { mode: 0o700 }); // throws EEXIST rather than write into an old backup
  const createdAt = (options.now ?? new Date()).toISOString();
  const dump = await dumpDatabase(options.url, dir);
  const objects: ObjectEntry[] = [];
  for await (const key of storage.list()) {
    const entry = await copyObject(storage, key, dir);
    if (entry) objects.push(entry);
  }
  objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stored = new Set(objects.map((o) => o.key));
  const manifest: Manifest = {
    format: FORMAT,
    createdAt,
    appVersion: options.appVersion,
    migrations: dump.migrations,
    tables: dump.tables,
    sequences: dump.sequences,
    counts: dump.counts,
    objects,
    missingObjects: dump.attachmentKeys.filter((k) => !stored.has(k)).sort(),
  };
  // Written last: a directory without a manifest is an unfinished backup and restore refuses it.
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2), {
    mode: 0o600,
  });
  return manifest;
}

async function copyObject(
  storage: ObjectStorage,
  key: string,
  dir: string,
): Promise<ObjectEntry | null> {
  const object = await storage.get(key);
  if (!object) return null; // deleted since it was listed: not part of this moment's store
  const file = objectFile(dir, key);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(object.body, tap, createWriteStream(file, { mode: 0o600 }));
  return { key, bytes, sha256: hash.digest("hex"), contentType: object.contentType };
}
