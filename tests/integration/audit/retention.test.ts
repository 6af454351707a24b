import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  type ArchivedAuditRow,
  type AuditArchiveManifest,
  archiveAuditRowsIn,
  manifestKey,
  readAuditArchive,
} from "@/lib/audit/retention";
import { db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { tempStorageForFile } from "../../support/collection";

// The audit-archive job and the trigger's one exception. Each test lives in its own era long before
// the other test files' rows (dated now) and before the previous test's era, so that what the job
// finds due is exactly what the test made (after a first run clears whatever an earlier run left).

const store = tempStorageForFile();
const DAY = 24 * 3_600_000;

// What the tests leave due (rows kept past an era's cutoff) goes to this file's store, not to the
// platform's when another file runs every job at the real time.
afterAll(() => archiveAuditRowsIn(() => store.current.storage)({ db, now: new Date() }));

/** Audit rows at the given instants, marked with a target type of their own; ids in `at` order. */
async function rowsAt(instants: string[]) {
  const marker = `t-${randomUUID().slice(0, 8)}`;
  for (const [i, at] of instants.entries()) {
    await db.auditEvent.create({
      data: {
        at: new Date(at),
        actorType: "anonymous",
        action: "auth.login",
        outcome: "failure",
        regionCode: i % 2 === 0 ? "440106" : null,
        targetType: marker,
        targetId: String(i),
        ip: "203.0.113.9",
        details: { reason: "wrong-password", n: i, "<b>": "<script>" },
      },
    });
  }
  return db.auditEvent.findMany({ where: { targetType: marker }, orderBy: { id: "asc" } });
}

/** The archive files the job recorded since `since` (its audit.archive rows), oldest first. */
async function archivedSince(since: Date): Promise<AuditArchiveManifest[]> {
  const rows = await db.auditEvent.findMany({
    where: { action: "audit.archive", at: { gte: since } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.details as unknown as AuditArchiveManifest);
}

async function archivedRows(storage: ObjectStorage, keys: string[]): Promise<ArchivedAuditRow[]> {
  const files = await Promise.all(keys.map((k) => readAuditArchive(storage, k)));
  return files.flatMap((f) => f!.rows);
}

/** The store with another put: a crash or a faulty store at the moment of writing. */
function withPut(storage: ObjectStorage, put: ObjectStorage["put"]): ObjectStorage {
  return {
    put,
    get: (k) => storage.get(k),
    exists: (k) => storage.exists(k),
    delete: (k) => storage.delete(k),
    signedUrl: (k, o) => storage.signedUrl(k, o),
    list: (p) => storage.list(p),
  };
}

/** A row as the file must hold it: every column, the id in decimal, the time in ISO 8601. */
const asArchived = (r: Awaited<ReturnType<typeof rowsAt>>[number]) => ({
  ...r,
  id: String(r.id),
  at: r.at.toISOString(),
});

describe("AuditEvent append-only trigger", () => {
  it("refuses UPDATE and DELETE without the archive's settings, and TRUNCATE always", async () => {
    const [row] = await rowsAt(["2001-01-01T00:00:00Z"]);
    await expect(
      db.auditEvent.update({ where: { id: row!.id }, data: { outcome: "success" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row!.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id: row!.id } })).toBe(1);
  });

  it("lets a DELETE through only for a row in the named file's range, older than a cutoff ≥180 days back", async () => {
    const [row] = await rowsAt(["2001-01-01T00:00:00Z"]);
    const id = row!.id;
    const attempt = (key: string, before: string, update = false) =>
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('kuaiji.audit_archive', ${key}, true),
          set_config('kuaiji.audit_archive_before', ${before}, true)`;
        if (update) await tx.auditEvent.update({ where: { id }, data: { outcome: "success" } });
        else await tx.auditEvent.delete({ where: { id } });
      });
    const inRange = `audit-archive/2001/01/${id}-${id}.ndjson.gz`;
    const old = "2002-01-01T00:00:00Z";
    // UPDATE stays refused even inside the archive's transaction.
    await expect(attempt(inRange, old, true)).rejects.toThrow(/append-only/);
    // Another file's range, a key of another shape, no cutoff.
    await expect(
      attempt(`audit-archive/2001/01/${id + 1n}-${id + 5n}.ndjson.gz`, old),
    ).rejects.toThrow(/append-only/);
    await expect(attempt(`photos/2001/01/${id}-${id}.ndjson.gz`, old)).rejects.toThrow(
      /append-only/,
    );
    await expect(attempt(inRange, "")).rejects.toThrow(/append-only/);
    // A cutoff the row is not older than; a cutoff within the legal six months of today.
    await expect(attempt(inRange, "2000-12-31T00:00:00Z")).rejects.toThrow(/append-only/);
    const recent = new Date(Date.now() - 179 * DAY).toISOString();
    await expect(attempt(inRange, recent)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id } })).toBe(1);

    await attempt(inRange, old);
    expect(await db.auditEvent.count({ where: { id } })).toBe(0);
  });
});

describe("audit-archive job", () => {
  it("takes its cutoff from the database's clock: an instance running ahead archives nothing early", async () => {
    vi.stubEnv("KUAIJI_AUDIT_RETENTION_DAYS", "365");
    try {
      const [kept] = await rowsAt([new Date(Date.now() - 200 * DAY).toISOString()]);
      const ahead = new Date(Date.now() + 400 * DAY); // its own cutoff would be 35 days from now
      await archiveAuditRowsIn(() => store.current.storage)({ db, now: ahead });
      expect(await db.auditEvent.count({ where: { id: kept!.id } })).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("archives exactly the rows older than the window, in files that read back to them", async () => {
    const now = new Date("2006-01-01T00:00:00Z"); // window 180 days: cutoff 2005-07-05
    const job = archiveAuditRowsIn(() => store.current.storage, 2);
    await job({ db, now });
    const since = new Date();
    const rows = await rowsAt([
      "2005-01-10T00:00:00Z",
      "2005-03-01T12:00:00Z",
      "2005-05-31T23:59:59.999Z",
      "2005-07-05T00:00:00Z", // exactly the cutoff: kept
      "2005-12-01T00:00:00Z",
    ]);
    const r = await job({ db, now });
    expect(r).toEqual({ processed: 3, detail: { rows: 3, files: 2 } });

    const remaining = await db.auditEvent.findMany({
      where: { targetType: rows[0]!.targetType },
      orderBy: { id: "asc" },
    });
    expect(remaining.map((x) => x.id)).toEqual([rows[3]!.id, rows[4]!.id]);

    const manifests = await archivedSince(since);
    expect(manifests.map((m) => m.rows)).toEqual([2, 1]);
    expect(manifests[0]!.key).toBe(`audit-archive/2005/01/${rows[0]!.id}-${rows[1]!.id}.ndjson.gz`);
    expect(manifests[1]!.key).toBe(`audit-archive/2005/05/${rows[2]!.id}-${rows[2]!.id}.ndjson.gz`);
    expect(
      await archivedRows(
        store.current.storage,
        manifests.map((m) => m.key),
      ),
    ).toEqual(rows.slice(0, 3).map(asArchived));
    for (const m of manifests) {
      const file = await readAuditArchive(store.current.storage, m.key);
      expect(file!.sha256).toBe(m.sha256);
      const stored = await store.current.storage.get(manifestKey(m.key));
      const manifest = JSON.parse(Buffer.concat(await stored!.body.toArray()).toString("utf8"));
      expect(manifest).toEqual({ ...m, deleted: undefined, before: "2005-07-05T00:00:00.000Z" });
    }
    // The archive run is itself on record, as the system.
    const audit = await db.auditEvent.findMany({
      where: { action: "audit.archive", at: { gte: since } },
    });
    expect(audit.map((a) => [a.actorType, a.outcome, a.targetType])).toEqual([
      ["system", "success", "audit-archive"],
      ["system", "success", "audit-archive"],
    ]);

    expect(await job({ db, now })).toEqual({ processed: 0, detail: { rows: 0, files: 0 } });
  });

  it("loses nothing when a run dies between writing the file and deleting the rows", async () => {
    const now = new Date("2004-01-01T00:00:00Z");
    const storage = store.current.storage;
    await archiveAuditRowsIn(() => storage)({ db, now });
    const since = new Date();
    const rows = await rowsAt([
      "2003-01-01T00:00:00Z",
      "2003-02-01T00:00:00Z",
      "2003-03-01T00:00:00Z",
    ]);

    // The process dies right after the manifest is stored: the file is there, the rows too.
    const dying = withPut(storage, async (key, body, options) => {
      await storage.put(key, body, options);
      if (key.endsWith(".manifest.json")) throw new Error("killed");
    });
    await expect(archiveAuditRowsIn(() => dying)({ db, now })).rejects.toThrow("killed");
    const key = `audit-archive/2003/01/${rows[0]!.id}-${rows[2]!.id}.ndjson.gz`;
    expect(await storage.exists(key)).toBe(true);
    expect(await db.auditEvent.count({ where: { targetType: rows[0]!.targetType } })).toBe(3);
    expect(await archivedSince(since)).toEqual([]);

    // The next run writes the same batch to the same key again, then deletes.
    const r = await archiveAuditRowsIn(() => storage)({ db, now });
    expect(r.processed).toBe(3);
    expect(await db.auditEvent.count({ where: { targetType: rows[0]!.targetType } })).toBe(0);
    expect((await archivedSince(since)).map((m) => m.key)).toEqual([key]);
    expect((await readAuditArchive(storage, key))!.rows).toEqual(rows.map(asArchived));
  });

  it("deletes nothing when the store does not give the file back as written", async () => {
    const now = new Date("2002-06-01T00:00:00Z");
    const storage = store.current.storage;
    await archiveAuditRowsIn(() => storage)({ db, now });
    const rows = await rowsAt(["2001-06-01T00:00:00Z"]);
    // A store that keeps other bytes than it was given (here: an empty archive).
    const empty = gzipSync("");
    const lossy = withPut(storage, (key, body, options) =>
      key.endsWith(".gz")
        ? storage.put(key, empty, { ...options, contentLength: empty.length })
        : storage.put(key, body, options),
    );
    await expect(archiveAuditRowsIn(() => lossy)({ db, now })).rejects.toThrow(/did not read back/);
    expect(await db.auditEvent.count({ where: { id: rows[0]!.id } })).toBe(1);
  });
});
