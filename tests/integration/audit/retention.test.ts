import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/chain-verify";
import { GENESIS_HASH } from "@/lib/audit/chain";
import {
  type ArchivedAuditRow,
  type AuditArchiveManifest,
  archiveAuditRowsIn,
  manifestKey,
  readAuditArchive,
} from "@/lib/audit/retention";
import type { ObjectStorage } from "@/lib/storage/types";
import { tempStorageForFile } from "../../support/collection";
import { chainDbForFile } from "./chain-db";

// The audit-archive job: the oldest part of the chain, as far as it is due, to object storage
// through audit_chain_prune — run as the application's role (on PostgreSQL it holds no DELETE) —
// leaving a chain that still verifies from the recorded anchor. On a database of this file's own,
// so the chain's oldest rows are the ones these tests wrote; the tests run in order on it.

const store = tempStorageForFile();
const chain = chainDbForFile();
const DAY = 24 * 3_600_000;

/** Audit rows at the given instants (chained in this order), marked with a target type of their own. */
async function rowsAt(marker: string, instants: string[]) {
  for (const [i, at] of instants.entries()) {
    await chain.db.auditEvent.create({
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
  return chain.db.auditEvent.findMany({
    where: { targetType: marker },
    orderBy: { chainSeq: "asc" },
  });
}

/** The audit.archive rows (the job's record of each file), oldest first. */
async function archiveRecords() {
  return chain.db.auditEvent.findMany({
    where: { action: "audit.archive" },
    orderBy: { chainSeq: "asc" },
  });
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

/** A row as the file must hold it: every column, ids in decimal, the time in ISO 8601. */
const asArchived = (r: Awaited<ReturnType<typeof rowsAt>>[number]) => ({
  ...r,
  id: String(r.id),
  at: r.at.toISOString(),
  chainSeq: String(r.chainSeq),
});

const job = (fileRows?: number, storage: () => ObjectStorage = () => store.current.storage) =>
  archiveAuditRowsIn(storage, fileRows);

describe("audit-archive job", () => {
  it("archives exactly the due start of the chain, in files that read back to it, and the chain still verifies", async () => {
    const now = new Date("2006-01-01T00:00:00Z"); // window 180 days: cutoff 2005-07-05
    const rows = await rowsAt("era-2005", [
      "2005-01-10T00:00:00Z",
      "2005-03-01T12:00:00Z",
      "2005-05-31T23:59:59.999Z",
      "2005-07-05T00:00:00Z", // exactly the cutoff: kept, and so is everything after it
      "2005-01-01T00:00:00Z", // older, but after a row that stays: waits for it
    ]);
    const r = await job(2)({ db: chain.db, now });
    expect(r).toEqual({ processed: 3, detail: { rows: 3, files: 2 } });

    const remaining = await chain.db.auditEvent.findMany({
      where: { targetType: "era-2005" },
      orderBy: { chainSeq: "asc" },
    });
    expect(remaining.map((x) => x.id)).toEqual([rows[3]!.id, rows[4]!.id]);

    const records = await archiveRecords();
    const manifests = records.map((a) => a.details as unknown as AuditArchiveManifest);
    expect(manifests.map((m) => m.rows)).toEqual([2, 1]);
    expect(manifests.map((m) => m.key)).toEqual([
      "audit-archive/2005/01/1-2.ndjson.gz",
      "audit-archive/2005/05/3-3.ndjson.gz",
    ]);
    const archived = await archivedRows(
      store.current.storage,
      manifests.map((m) => m.key),
    );
    expect(archived).toEqual(rows.slice(0, 3).map(asArchived));
    // The files continue the chain offline: from the genesis, link by link, to the anchor.
    expect(archived[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < archived.length; i++) {
      expect(archived[i]!.prevHash).toBe(archived[i - 1]!.hash);
    }
    const head = await chain.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect([head.prunedSeq, head.prunedHash]).toEqual([3n, rows[2]!.hash]);
    expect(remaining[0]!.prevHash).toBe(head.prunedHash);

    for (const m of manifests) {
      const file = await readAuditArchive(store.current.storage, m.key);
      expect(file!.sha256).toBe(m.sha256);
      const stored = await store.current.storage.get(manifestKey(m.key));
      const manifest = JSON.parse(Buffer.concat(await stored!.body.toArray()).toString("utf8"));
      expect(manifest).toMatchObject({ before: "2005-07-05T00:00:00.000Z" });
      expect(m).toMatchObject({ ...manifest, deleted: m.rows });
    }
    // Each file is on record, as the system, with the anchor it left.
    expect(records.map((a) => [a.actorType, a.outcome, a.targetType, a.targetId])).toEqual([
      ["system", "success", "audit-archive", "1-2"],
      ["system", "success", "audit-archive", "3-3"],
    ]);
    expect(records[1]!.details).toMatchObject({ lastSeq: "3", anchorHash: rows[2]!.hash });

    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({
      ok: true,
      fromSeq: "4",
      rows: 4,
    });
    expect(await job()({ db: chain.db, now })).toEqual({
      processed: 0,
      detail: { rows: 0, files: 0 },
    });
  });

  it("deletes nothing when the store does not give the file back as written", async () => {
    const now = new Date("2007-01-01T00:00:00Z"); // the two 2005 rows left are due now
    const storage = store.current.storage;
    // A store that keeps other bytes than it was given (here: an empty archive).
    const empty = gzipSync("");
    const lossy = withPut(storage, (key, body, options) =>
      key.endsWith(".gz")
        ? storage.put(key, empty, { ...options, contentLength: empty.length })
        : storage.put(key, body, options),
    );
    await expect(job(undefined, () => lossy)({ db: chain.db, now })).rejects.toThrow(
      /did not read back/,
    );
    expect(await chain.db.auditEvent.count({ where: { targetType: "era-2005" } })).toBe(2);
  });

  it("loses nothing when a run dies between writing the file and deleting the rows", async () => {
    const now = new Date("2007-01-01T00:00:00Z");
    const storage = store.current.storage;
    const rows = await chain.db.auditEvent.findMany({
      where: { targetType: "era-2005" },
      orderBy: { chainSeq: "asc" },
    });
    // The process dies right after the manifest is stored: the file is there, the rows too.
    const dying = withPut(storage, async (key, body, options) => {
      await storage.put(key, body, options);
      if (key.endsWith(".manifest.json")) throw new Error("killed");
    });
    await expect(job(undefined, () => dying)({ db: chain.db, now })).rejects.toThrow("killed");
    const key = "audit-archive/2005/07/4-5.ndjson.gz";
    expect(await storage.exists(key)).toBe(true);
    expect(await chain.db.auditEvent.count({ where: { targetType: "era-2005" } })).toBe(2);
    expect(await archiveRecords()).toHaveLength(2);

    // The next run writes the same batch to the same key again, then deletes.
    const r = await job()({ db: chain.db, now });
    expect(r.processed).toBe(2);
    expect(await chain.db.auditEvent.count({ where: { targetType: "era-2005" } })).toBe(0);
    expect((await archiveRecords()).map((a) => a.targetId)).toEqual(["1-2", "3-3", "4-5"]);
    expect((await readAuditArchive(storage, key))!.rows).toEqual(rows.map(asArchived));
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true, fromSeq: "6" });
  });

  it("takes its cutoff from the database's clock: an instance running ahead archives nothing early", async () => {
    // The chain now starts with the archive's own records, written just now.
    vi.stubEnv("KUAIJI_AUDIT_RETENTION_DAYS", "365");
    try {
      const first = (await archiveRecords())[0]!;
      const ahead = new Date(Date.now() + 400 * DAY); // its own cutoff would be 35 days from now
      expect(await job()({ db: chain.db, now: ahead })).toMatchObject({ processed: 0 });
      expect(await chain.db.auditEvent.count({ where: { id: first.id } })).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("AuditEvent append-only trigger", () => {
  it("refuses UPDATE, DELETE and TRUNCATE to the platform's client", async () => {
    const [row] = await rowsAt("trigger", ["2001-01-01T00:00:00Z"]);
    // On PostgreSQL the role lacks the privilege; on PGlite (one role) the trigger refuses.
    const refused = /append-only|permission denied/;
    await expect(
      chain.db.auditEvent.update({ where: { id: row!.id }, data: { outcome: "success" } }),
    ).rejects.toThrow(refused);
    await expect(chain.db.auditEvent.delete({ where: { id: row!.id } })).rejects.toThrow(refused);
    await expect(chain.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(refused);
    await expect(chain.owner(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await chain.db.auditEvent.count({ where: { id: row!.id } })).toBe(1);
  });

  it("lets even the owner DELETE only a row in the named file's chain range, older than a cutoff ≥180 days back", async () => {
    const [row] = await chain.db.auditEvent.findMany({ where: { targetType: "trigger" } });
    const seq = row!.chainSeq!;
    const saved = (
      await chain.owner(`SELECT row_to_json(e)::text AS j FROM "AuditEvent" e WHERE "id" = $1`, [
        String(row!.id),
      ])
    ).rows[0] as { j: string };
    const attempt = (key: string, before: string, update = false) =>
      chain
        .owner(
          `BEGIN;
        SELECT set_config('kuaiji.audit_archive', '${key}', true),
               set_config('kuaiji.audit_archive_before', '${before}', true);
        ${update ? `UPDATE "AuditEvent" SET "outcome" = 'success'` : `DELETE FROM "AuditEvent"`}
          WHERE "id" = ${row!.id};
        COMMIT`,
        )
        .catch(async (e: Error) => {
          await chain.owner("ROLLBACK");
          throw e;
        });
    const inRange = `audit-archive/2001/01/${seq}-${seq}.ndjson.gz`;
    const old = "2002-01-01T00:00:00Z";
    // UPDATE stays refused even inside the archive's transaction.
    await expect(attempt(inRange, old, true)).rejects.toThrow(/append-only/);
    // Another file's range, a key of another shape, no cutoff.
    await expect(
      attempt(`audit-archive/2001/01/${seq + 1n}-${seq + 5n}.ndjson.gz`, old),
    ).rejects.toThrow(/append-only/);
    await expect(attempt(`photos/2001/01/${seq}-${seq}.ndjson.gz`, old)).rejects.toThrow(
      /append-only/,
    );
    await expect(attempt(inRange, "")).rejects.toThrow(/append-only/);
    // A cutoff the row is not older than; a cutoff within the legal six months of today.
    await expect(attempt(inRange, "2000-12-31T00:00:00Z")).rejects.toThrow(/append-only/);
    const recent = new Date(Date.now() - 179 * DAY).toISOString();
    await expect(attempt(inRange, recent)).rejects.toThrow(/append-only/);
    expect(await chain.db.auditEvent.count({ where: { id: row!.id } })).toBe(1);

    await attempt(inRange, old);
    expect(await chain.db.auditEvent.count({ where: { id: row!.id } })).toBe(0);
    // Deleted outside the archive's function, nothing records it: verify sees the gap.
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({
      ok: false,
      problem: "missing",
    });
    await chain.owner(
      `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", $1::json)`,
      [saved.j],
    );
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  });
});
