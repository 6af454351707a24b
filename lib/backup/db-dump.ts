// The database half of a backup: every row of every table in the `public` schema as
// newline-delimited JSON, read inside one REPEATABLE READ transaction (one snapshot), plus the
// applied migrations and the sequence positions.
//
// Why rows and not pg_dump: the same code must serve the embedded default and PostgreSQL, and
// pg_dump refuses a server newer than itself — the machine's pg_dump 15 refuses PGlite
// (PostgreSQL 18 inside, checked: "server version mismatch") and would refuse a production server upgraded past the client. The
// schema needs no dump: it is exactly the migrations recorded in the manifest, which restore
// replays before loading the rows (so a backup of the embedded default restores onto
// PostgreSQL and back). Tables outside `public` (pg-boss's queue) are not part of a backup:
// pending jobs are re-created by the schedules.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import pg from "pg";
import { KEY_TABLES, tableFile, type Manifest, type TableEntry } from "./manifest";

const MIGRATIONS_TABLE = "_prisma_migrations";
const FETCH_ROWS = 2000;
const INSERT_ROWS = 1000;

export type DbDump = Pick<Manifest, "migrations" | "tables" | "sequences" | "counts"> & {
  /** storageKey of every Attachment row in the snapshot. */
  attachmentKeys: string[];
};

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "kuaiji-backup" });
  client.on("error", () => {}); // a dropped connection surfaces as a query error instead
  await client.connect();
  return client;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  return res.rows.map((r) => r.name).filter((n) => n !== MIGRATIONS_TABLE);
}

/** Stored (not generated) columns, in table order. */
async function columns(client: pg.ClientBase, table: string): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [`public.${quoteIdent(table)}`],
  );
  return res.rows.map((r) => r.name);
}

export async function dumpDatabase(url: string, dir: string): Promise<DbDump> {
  await mkdir(`${dir}/db`, { recursive: true, mode: 0o700 });
  const client = await connect(url);
  try {
    // One snapshot for every table. READ ONLY: a backup never writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "${MIGRATIONS_TABLE}"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tables: TableEntry[] = [];
    for (const name of await publicTables(client)) {
      tables.push(await dumpTable(client, name, tableFile(dir, name)));
    }
    const sequences = (
      await client.query<{ name: string; lastValue: string | null }>(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
          WHERE schemaname = 'public' ORDER BY sequencename`,
      )
    ).rows;
    const attachmentKeys = tables.some((t) => t.name === "Attachment")
      ? (await client.query<{ k: string }>(`SELECT "storageKey" AS k FROM "Attachment"`)).rows.map(
          (r) => r.k,
        )
      : [];
    await client.query("COMMIT");
    const counts = Object.fromEntries(
      tables.filter((t) => KEY_TABLES.includes(t.name)).map((t) => [t.name, t.rows]),
    );
    return { migrations, tables, sequences, counts, attachmentKeys };
  } finally {
    await client.end().catch(() => {});
  }
}

async function dumpTable(client: pg.ClientBase, name: string, file: string): Promise<TableEntry> {
  const cols = (await columns(client, name)).map(quoteIdent).join(", ");
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash("sha256");
  let rows = 0;
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM (SELECT ${cols} FROM public.${quoteIdent(name)}) t`,
  );
  try {
    for (;;) {
      const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (batch.rows.length === 0) break;
      const chunk = batch.rows.map((r) => `${r.j}\n`).join("");
      hash.update(chunk);
      rows += batch.rows.length;
      if (!out.write(chunk)) await once(out, "drain");
    }
  } finally {
    await client.query("CLOSE backup_rows");
    out.end();
    await once(out, "close");
  }
  return { name, rows, sha256: hash.digest("hex") };
}

/** True when some table of the public schema (migration history aside) holds a row. */
export async function hasData(url: string): Promise<boolean> {
  const client = await connect(url);
  try {
    for (const name of await publicTables(client)) {
      const res = await client.query(`SELECT 1 FROM public.${quoteIdent(name)} LIMIT 1`);
      if (res.rowCount) return true;
    }
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops everything in the public schema (restore --force, or an empty migrated database). */
export async function resetSchema(url: string): Promise<void> {
  const client = await connect(url);
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Tables in an order where every referenced table comes first (the schema has no cycles; a
 * table referring to itself is loaded in one statement, see loadTable).
 */
async function loadOrder(client: pg.ClientBase, names: string[]): Promise<string[]> {
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const e of edges) if (e.child === name) visit(e.parent);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered.filter((n) => names.includes(n));
}

/**
 * Loads the dumped rows into a database whose schema the backup's migrations just created, in
 * one transaction (all or nothing), then puts every sequence back where it was.
 */
export async function loadDatabase(url: string, dir: string, manifest: Manifest): Promise<void> {
  const client = await connect(url);
  try {
    await client.query("BEGIN");
    const present = new Set(await publicTables(client));
    const missing = manifest.tables.filter((t) => !present.has(t.name)).map((t) => t.name);
    if (missing.length > 0) {
      throw new Error(`恢复后的表结构中缺少数据表：${missing.join(", ")}`);
    }
    const selfRefs = new Set(
      (
        await client.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.contype = 'f' AND k.conrelid = k.confrelid`,
        )
      ).rows.map((r) => r.name),
    );
    const order = await loadOrder(
      client,
      manifest.tables.map((t) => t.name),
    );
    // Some migrations insert rows (content blocks, holidays); the backup's rows replace them.
    for (const name of [...order].reverse()) {
      const table = `public.${quoteIdent(name)}`;
      if ((await client.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount) {
        await client.query(`DELETE FROM ${table}`);
      }
    }
    for (const name of order) {
      await loadTable(client, name, tableFile(dir, name), selfRefs.has(name));
    }
    for (const s of manifest.sequences) {
      if (s.lastValue === null) continue;
      await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [
        `public.${quoteIdent(s.name)}`,
        s.lastValue,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function loadTable(
  client: pg.ClientBase,
  name: string,
  file: string,
  selfReferencing: boolean,
): Promise<void> {
  const cols = (await columns(client, name)).map(quoteIdent).join(", ");
  const table = `public.${quoteIdent(name)}`;
  // OVERRIDING SYSTEM VALUE keeps the dumped ids of identity columns; json_populate_recordset
  // turns each JSON object back into a row of the table's own types.
  const sql = `INSERT INTO ${table} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json)`;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(sql, [`[${batch.join(",")}]`]);
    batch = [];
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === "") continue;
    batch.push(line);
    // A row may refer to a later row of its own table: such tables go in one statement, whose
    // foreign-key checks run at its end.
    if (!selfReferencing && batch.length >= INSERT_ROWS) await flush();
  }
  await flush();
}
