// npm run backup / npm run restore (issue 12): a backup taken, the database and the objects
// destroyed, the backup restored — and every person, archive version, attachment (row and
// bytes) and audit row is back. Runs on its own database (PGlite, or a fresh PostgreSQL
// database with TEST_DATABASE_URL), then through the commands on the embedded default.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "@/lib/backup/backup";
import { objectFile, readManifest, tableFile, type Manifest } from "@/lib/backup/manifest";
import { NOT_EMPTY, restoreBackup } from "@/lib/backup/restore";
import { submitCollection } from "@/lib/collection/archive-service";
import { createDb, type Db } from "@/lib/db/client";
import { S3Storage } from "@/lib/storage/s3";
import type { ObjectStorage } from "@/lib/storage/types";
import { startTestDatabase, type TestDatabase } from "../../support/test-db";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorage,
  upload,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../..");

let source: TestDatabase;
let store: Awaited<ReturnType<typeof tempStorage>>;
let work: string;

beforeAll(async () => {
  source = await startTestDatabase();
  store = await tempStorage();
  work = await mkdtemp(path.join(tmpdir(), "kuaiji-backup-test-"));
});

afterAll(async () => {
  await source?.stop();
  await store?.remove();
  await rm(work, { recursive: true, force: true });
});

async function seed(db: Db): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const s = await personWithSession(db);
    await saveAll(db, s, validSteps(await uploadPersonalFiles(db, store.storage, s)));
    const r = await submitCollection(db, ctx, s, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  // A person with only an uploaded (still orphaned) file and no archive.
  await upload(db, store.storage, await personWithSession(db), "headshot");
}

/** Every row the test promises to bring back, and the bytes of every stored object. */
async function snapshot(db: Db, storage: ObjectStorage) {
  const objects: Record<string, string> = {};
  for await (const key of storage.list()) {
    const o = await storage.get(key);
    objects[key] = createHash("sha256")
      .update(await buffer(o!.body))
      .digest("hex");
  }
  return {
    people: await db.person.findMany({ orderBy: { id: "asc" } }),
    archives: await db.archive.findMany({ orderBy: { id: "asc" } }),
    versions: await db.archiveVersion.findMany({ orderBy: { id: "asc" } }),
    versionFiles: await db.archiveVersionAttachment.findMany({
      orderBy: [{ versionId: "asc" }, { attachmentId: "asc" }],
    }),
    attachments: await db.attachment.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditEvent.findMany({ orderBy: { id: "asc" } }),
    objects,
  };
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function withDb<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

describe("backup and restore", () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  let dir: string;
  let manifest: Manifest;

  it("backs up, survives the loss of database and objects, and restores every row and byte", async () => {
    before = await withDb(source.url, async (db) => {
      await seed(db);
      return snapshot(db, store.storage);
    });
    expect(before.people).toHaveLength(3);
    expect(before.versions).toHaveLength(2);
    expect(before.attachments).toHaveLength(7);
    expect(Object.keys(before.objects)).toHaveLength(7);
    // The bytes stored are the bytes the row vouches for.
    for (const a of before.attachments) expect(before.objects[a.storageKey]).toBe(a.sha256);
    expect(before.audit.length).toBeGreaterThan(7);

    dir = path.join(work, "backup-1");
    manifest = await createBackup({
      url: source.url,
      storage: store.storage,
      dir,
      appVersion: "test",
    });
    expect(manifest.counts).toMatchObject({
      Person: 3,
      ArchiveVersion: 2,
      Attachment: 7,
      AuditEvent: before.audit.length,
    });
    expect(manifest.objects.map((o) => o.key).sort()).toEqual(Object.keys(before.objects).sort());
    expect(manifest.missingObjects).toEqual([]);
    // ID numbers leave only encrypted: the dump holds the ciphertext and no 18-character ID number.
    const dump = await readFile(tableFile(dir, "Person"), "utf8");
    expect(dump).not.toMatch(/\b\d{17}[\dX]\b/);
    for (const p of before.people) expect(dump).toContain(p.idNumberCipher);

    // Destroy: the whole schema and every object.
    await sql(source.url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await store.remove();
    const left: string[] = [];
    for await (const key of store.storage.list()) left.push(key);
    expect(left).toEqual([]);

    const logged: string[] = [];
    await restoreBackup({
      url: source.url,
      storage: store.storage,
      dir,
      log: (m) => logged.push(m),
    });
    expect(logged.join("\n")).toContain("数据库已恢复");
    const after = await withDb(source.url, (db) => snapshot(db, store.storage));
    expect(after).toEqual(before);

    // The restored database goes on: ids continue after the restored ones.
    const next = await withDb(
      source.url,
      (db) =>
        db.$queryRaw<
          { id: bigint }[]
        >`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`,
    );
    expect(next[0]!.id).toBeGreaterThan(BigInt(before.audit.at(-1)!.id));
  });

  it("refuses to restore over a database that holds data, unless --force", async () => {
    await expect(restoreBackup({ url: source.url, storage: store.storage, dir })).rejects.toThrow(
      NOT_EMPTY,
    );
    await restoreBackup({ url: source.url, storage: store.storage, dir, force: true });
    const after = await withDb(source.url, (db) => snapshot(db, store.storage));
    expect(after).toEqual(before);
  });

  it("refuses a backup with a changed object or a missing table file, touching nothing", async () => {
    const victim = manifest.objects[0]!.key;
    const file = objectFile(dir, victim);
    const original = await readFile(file);
    await writeFile(
      file,
      Buffer.concat([original.subarray(0, -1), Buffer.from([original.at(-1)! ^ 1])]),
    );
    await sql(
      source.url,
      `UPDATE "Person" SET "phone" = '13900000000' WHERE id = '${before.people[0]!.id}'`,
    );
    const refused = restoreBackup({ url: source.url, storage: store.storage, dir, force: true });
    await expect(refused).rejects.toThrow(/备份已损坏，未做任何恢复/);
    await expect(refused).rejects.toThrow(`对象 ${victim}（校验值不符`);
    // Nothing restored: the change made after the backup is still there.
    const phone = await withDb(source.url, (db) =>
      db.person.findUniqueOrThrow({ where: { id: before.people[0]!.id } }),
    );
    expect(phone.phone).toBe("13900000000");
    await writeFile(file, original);

    await unlink(tableFile(dir, "AuditEvent"));
    await expect(
      restoreBackup({ url: source.url, storage: store.storage, dir, force: true }),
    ).rejects.toThrow("数据表 AuditEvent（缺失");
  });
});

describe("the commands on the embedded default", () => {
  it("restore into an empty data directory, back up from it again: the same rows and objects", async () => {
    const dataDir = path.join(work, "data");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KUAIJI_DATA_DIR: dataDir,
      STORAGE_DRIVER: "local",
    };
    delete env.DATABASE_URL;
    delete env.S3_BUCKET;
    const cli = (script: string, args: string[]) =>
      run(
        process.execPath,
        ["--import", "./scripts/server-only/register.mjs", "--import", "tsx", script, ...args],
        { cwd: ROOT, env },
      );
    const original = path.join(work, "backup-cli");
    await createBackup({
      url: source.url,
      storage: store.storage,
      dir: original,
      appVersion: "test",
    });

    const restored = await cli("scripts/restore.ts", [original]);
    expect(restored.stdout).toContain("恢复完成");
    expect(restored.stdout).toContain("Person: 3");
    expect(restored.stderr).toContain("secrets.json"); // the keys are kept apart: reminded

    const again = path.join(work, "backup-again");
    const backedUp = await cli("scripts/backup.ts", [again]);
    expect(backedUp.stdout).toContain("备份完成");
    const a = await readManifest(original);
    const b = await readManifest(again);
    expect(b.counts).toEqual(a.counts);
    expect(b.tables.map((t) => [t.name, t.rows])).toEqual(a.tables.map((t) => [t.name, t.rows]));
    expect(b.objects).toEqual(a.objects);
    expect(b.migrations).toEqual(a.migrations);

    await expect(cli("scripts/restore.ts", [original])).rejects.toMatchObject({
      stderr: expect.stringContaining("--force"),
    });
  }, 120_000); // three commands, each a fresh Node with tsx and PGlite to start
});

describe("on S3", () => {
  // s3rver (as in tests/integration/s3-storage.test.ts): CommonJS without types.
  type S3rver = { run(): Promise<{ port: number }>; close(): Promise<void> };
  const S3rverClass = createRequire(import.meta.url)("s3rver") as new (o: object) => S3rver;
  let server: S3rver;
  let s3dir: string;
  const bucket = (endpoint: string, name: string) =>
    new S3Storage({
      bucket: name,
      region: "us-east-1",
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });

  afterAll(async () => {
    await server?.close();
    if (s3dir) await rm(s3dir, { recursive: true, force: true });
  });

  it("copies every object out of one bucket and back into an empty one, byte for byte", async () => {
    s3dir = await mkdtemp(path.join(tmpdir(), "kuaiji-s3rver-"));
    server = new S3rverClass({
      address: "127.0.0.1",
      port: 0,
      directory: s3dir,
      silent: true,
      configureBuckets: [
        { name: "live", configs: [] },
        { name: "rebuilt", configs: [] },
      ],
    });
    const endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    const live = bucket(endpoint, "live");
    for await (const key of store.storage.list()) {
      const o = (await store.storage.get(key))!;
      await live.put(key, await buffer(o.body), { contentType: o.contentType });
    }
    const dir = path.join(work, "backup-s3");
    await createBackup({ url: source.url, storage: live, dir, appVersion: "test" });
    const rebuilt = bucket(endpoint, "rebuilt");
    await restoreBackup({ url: source.url, storage: rebuilt, dir, force: true });
    const after = await withDb(source.url, (db) => snapshot(db, rebuilt));
    const expected = await withDb(source.url, (db) => snapshot(db, store.storage));
    expect(Object.keys(after.objects)).toHaveLength(7);
    expect(after).toEqual(expected);
    const o = (await rebuilt.get(Object.keys(after.objects)[0]!))!;
    o.body.destroy();
    expect(o.contentType).toBe("image/jpeg");
  });
});
