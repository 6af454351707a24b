import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSnapshot } from "@/lib/collection/archive-service";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/scripts/db/migrations";

// Migration mask_without_birth_date (issue 12, 3) on a database that holds data written before
// it, on the embedded default and — with TEST_DATABASE_URL — on PostgreSQL: the birth date
// becomes its year, every stored mask (the person's, the search projection's, the hub's, inside
// archive versions and hub files) shows the last 2 instead of the last 4, and the versions stay
// immutable afterwards.

const MIGRATION = "20261204101603_mask_without_birth_date";
const ALL = path.resolve("prisma/migrations");
const OLD_MASK = "4401**********123X";
const NEW_MASK = "4401************3X";

let client: pg.Client;
let stop: () => Promise<void>;
let url: string;

/** A database of its own: the shared one is migrated already. */
async function freshDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDb({ dataDir: "memory://", port: 0 });
    return { url: embedded.url, stop: () => embedded.stop() };
  }
  const name = `kuaiji_test_mask_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), stop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The migrations before this one, as a directory of their own. */
function migrationsBefore(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kuaiji-migrations-"));
  for (const name of readdirSync(ALL)) {
    if (/^\d{14}_/.test(name) && name < MIGRATION) {
      symlinkSync(path.join(ALL, name), path.join(dir, name));
    }
  }
  return dir;
}

const ids = {
  resident: randomUUID(),
  passport: randomUUID(),
  archive: randomUUID(),
  v1: randomUUID(),
  v2: randomUUID(),
  hub: randomUUID(),
  appeal: randomUUID(),
};

const oldPerson = {
  name: "张三",
  idType: "RESIDENT_ID",
  idNumberMasked: OLD_MASK,
  gender: "1",
  birthDate: "1990-03-07",
};
const steps = {
  notice: { truthPledge: true },
  personal: {
    ethnicGroup: "01",
    politicalStatus: "13",
    email: "a@example.com",
    headshotId: "h",
    documentPageIds: {},
  },
  education: { fullTime: [], partTime: [] },
  work: { status: "ACCOUNTING_POST", regionCode: "440106" },
  professional: {
    isCpa: false,
    isTaxAdvisor: false,
    isAssetAppraiser: false,
    abacusLevel: "NONE",
    qualifications: [],
    talents: [],
  },
  awards: { awards: [] },
};
const changes = [
  { path: "personal.email", label: "电子邮箱", before: "a@example.com", after: "b@example.com" },
  { path: "person.idNumberMasked", label: "证件号码", before: OLD_MASK, after: OLD_MASK },
];

async function seedOldData() {
  const q = (sql: string, values: unknown[]) => client.query(sql, values);
  const person = `INSERT INTO "Person" (id, name, "idType", "idNumberCipher", "idNumberIndex",
      "idNumberMasked", gender, "birthDate", phone, "passwordHash", "regionCode", "updatedAt")
    VALUES ($1, $2, $3, 'cipher', $4, $5, $6, $7, $8, '', '440106', now())`;
  await q(person, [ids.resident, "张三", "RESIDENT_ID", "i1", OLD_MASK, "1", "1990-03-07", "1"]);
  await q(person, [ids.passport, "John", "PASSPORT", "i2", "E******78", null, null, "2"]);
  await q(
    `INSERT INTO "PersonSearch" ("personId", "regionCode", name, "namePinyin", "nameInitials",
       "idNumberIndex", "idNumberMasked", "idType", gender, "birthYear", "collectionStatus",
       "registeredAt", "updatedAt")
     VALUES ($1, '440106', '张三', 'zhangsan', 'zs', 'i1', $2, 'RESIDENT_ID', '1', 1990,
       'collected', now(), now())`,
    [ids.resident, OLD_MASK],
  );
  await q(
    `INSERT INTO "Archive" (id, "personId", "archiveNumber", "regionCode", "currentVersion",
       "collectedAt", "updatedAt")
     VALUES ($1, $2, 'GD2026000001', '440106', 2, now(), now())`,
    [ids.archive, ids.resident],
  );
  const version = `INSERT INTO "ArchiveVersion" (id, "archiveId", version, snapshot, channel,
      "actorType", "regionCode", changes)
    VALUES ($1, $2, $3, $4, 'collection', 'person', '440106', $5)`;
  const snapshot = JSON.stringify({ person: oldPerson, ...steps });
  await q(version, [ids.v1, ids.archive, 1, snapshot, null]);
  await q(version, [ids.v2, ids.archive, 2, snapshot, JSON.stringify(changes)]);
  await q(
    `INSERT INTO "AccountAppeal" (id, state, "draftTokenHash", "draftExpiresAt", "personId",
       "regionCode", name, "idType", "idNumberCipher", "idNumberMasked", phone)
     VALUES ($1, 'pending', 'h', now(), $2, '440106', '张三', 'RESIDENT_ID', 'c', $3, '3')`,
    [ids.appeal, ids.resident, OLD_MASK],
  );
  await q(
    `INSERT INTO "HubTransfer" (id, "originMember", "originRegionCode", "originRegionName",
       "destMember", "destRegionCode", "personIndex", "personCipher", "idNumberMasked", file,
       state, "submittedAt")
     VALUES ($1, '440300', '440305', '广东省深圳市南山区', '440000', '440106', 'p', 'c', $2, $3,
       'submitted', now())`,
    [
      ids.hub,
      OLD_MASK,
      JSON.stringify({ snapshot: { person: oldPerson, ...steps }, attachments: [] }),
    ],
  );
}

beforeAll(async () => {
  const db = await freshDatabase();
  url = db.url;
  stop = db.stop;
  const before = migrationsBefore();
  try {
    await applyMigrations(url, { migrationsDir: before });
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedOldData();
  const { applied } = await applyMigrations(url, { migrationsDir: ALL });
  expect(applied.map((m) => m.name)).toContain(MIGRATION);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await stop?.();
});

const one = async <T>(sql: string, values: unknown[] = []): Promise<T> =>
  (await client.query(sql, values)).rows[0] as T;

describe("migration mask_without_birth_date", () => {
  it("keeps the year of the birth date and drops the date column", async () => {
    const columns = await client.query<{ c: string }>(
      `SELECT table_name || '.' || column_name || ':' || data_type AS c
       FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name ILIKE '%birth%' ORDER BY 1`,
    );
    expect(columns.rows.map((r) => r.c)).toEqual([
      "Person.birthYear:smallint",
      "PersonSearch.birthYear:smallint",
    ]);
    const people = await client.query(
      `SELECT id, "birthYear", "idNumberMasked" FROM "Person" ORDER BY "idNumberIndex"`,
    );
    expect(people.rows).toEqual([
      { id: ids.resident, birthYear: 1990, idNumberMasked: NEW_MASK },
      { id: ids.passport, birthYear: null, idNumberMasked: "E******78" },
    ]);
  });

  it("narrows every stored mask in place: the projection's, the hub's, an appeal's", async () => {
    expect(
      await one(`SELECT "idNumberMasked" FROM "PersonSearch" WHERE "personId" = $1`, [
        ids.resident,
      ]),
    ).toEqual({ idNumberMasked: NEW_MASK });
    expect(
      await one(`SELECT "idNumberMasked" FROM "AccountAppeal" WHERE id = $1`, [ids.appeal]),
    ).toEqual({ idNumberMasked: NEW_MASK });
    const hub = await one<{ idNumberMasked: string; file: { snapshot: { person: unknown } } }>(
      `SELECT "idNumberMasked", file FROM "HubTransfer" WHERE id = $1`,
      [ids.hub],
    );
    expect(hub.idNumberMasked).toBe(NEW_MASK);
    expect(hub.file.snapshot.person).toEqual({
      name: "张三",
      idType: "RESIDENT_ID",
      idNumberMasked: NEW_MASK,
      gender: "1",
      birthYear: 1990,
    });
  });

  it("rewrites the versions' registration facts and 证件号码 changes, nothing else", async () => {
    const versions = await client.query<{ snapshot: unknown; changes: unknown }>(
      `SELECT snapshot, changes FROM "ArchiveVersion" WHERE "archiveId" = $1 ORDER BY version`,
      [ids.archive],
    );
    for (const v of versions.rows) {
      const read = parseSnapshot(v.snapshot);
      expect(read.person).toEqual({
        name: "张三",
        idType: "RESIDENT_ID",
        idNumberMasked: NEW_MASK,
        gender: "1",
        birthYear: 1990,
      });
      expect(read.personal).toEqual(steps.personal);
    }
    expect(versions.rows[0]!.changes).toBeNull();
    expect(versions.rows[1]!.changes).toEqual([
      changes[0],
      { ...changes[1], before: NEW_MASK, after: NEW_MASK },
    ]);
  });

  it("leaves no full birth date in any table, and the versions immutable again", async () => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      const hit = await one<{ n: string }>(
        `SELECT count(*) AS n FROM "${table_name}" t
         WHERE t::text LIKE '%1990-03-07%' OR t::text LIKE '%19900307%'`,
      );
      expect(Number(hit.n), table_name).toBe(0);
    }
    await expect(
      client.query(`UPDATE "ArchiveVersion" SET version = version WHERE id = $1`, [ids.v1]),
    ).rejects.toThrow(/immutable/);
    const functions = await one<{ n: string }>(
      `SELECT count(*) AS n FROM pg_proc WHERE proname LIKE '%_narrowed_20261204'`,
    );
    expect(Number(functions.n)).toBe(0);
  });
});
