// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does, without the
// Prisma CLI (which cannot fetch its engine binary here). History lives in Prisma's own
// `_prisma_migrations` table with the same columns and values (checksum = sha256 hex of the file),
// so a real `prisma migrate deploy/status` run elsewhere agrees with what we applied.
//
// Differences from Prisma, on purpose:
// - each migration runs in ONE transaction together with its history row, so a failing
//   migration leaves no trace (no "failed migration" row to resolve; fix the file and re-run);
//   consequence: a migration cannot contain statements that refuse to run inside a transaction
//   (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE on old PostgreSQL, …);
// - an applied migration whose file changed is refused (Prisma's deploy only warns).
//
// Concurrency: the whole run holds the session advisory lock Prisma's schema engine uses
// (72707369), so two app instances starting together — or this and a real `prisma migrate` —
// never migrate at the same time; the second waits, then finds nothing left to do.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Prisma's migrate advisory lock key (prisma-engines, sql-schema-connector). */
export const MIGRATE_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

export interface LocalMigration {
  /** directory name, e.g. 20260101120000_init */
  name: string;
  file: string;
  sql: string;
  /** sha256 hex of the file's bytes, what Prisma stores in `_prisma_migrations.checksum` */
  checksum: string;
}

export interface AppliedMigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationOptions {
  /** default: $KUAIJI_MIGRATIONS_DIR or <cwd>/prisma/migrations */
  migrationsDir?: string;
  /** how long to wait for another instance's migration lock; default 120 s */
  lockTimeoutMs?: number;
  /** progress output, e.g. console.log; silent by default */
  log?: (message: string) => void;
}

export interface ApplyResult {
  applied: { name: string; ms: number }[];
  alreadyApplied: string[];
  ms: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function migrationsDir(dir?: string): string {
  return path.resolve(
    /*turbopackIgnore: true*/ dir ?? process.env.KUAIJI_MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS_DIR,
  );
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Migrations on disk, in the order Prisma applies them (lexicographic directory names). */
export function listLocalMigrations(dir?: string): LocalMigration[] {
  const base = migrationsDir(dir);
  // turbopackIgnore: /api/ready imports this; without the hints Next's file tracing would pull
  // the whole project into the server output.
  if (!existsSync(/*turbopackIgnore: true*/ base)) return [];
  return readdirSync(/*turbopackIgnore: true*/ base)
    .filter((d) => statSync(/*turbopackIgnore: true*/ path.join(base, d)).isDirectory())
    .sort()
    .flatMap((name) => {
      const file = path.join(base, name, "migration.sql");
      if (!existsSync(/*turbopackIgnore: true*/ file)) return [];
      const bytes = readFileSync(/*turbopackIgnore: true*/ file);
      return [{ name, file, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) }];
    });
}

export interface MigrationStatus {
  /** on disk, not applied (successfully) yet */
  pending: string[];
  /** applied, but the file's checksum differs from the recorded one */
  modified: string[];
  /** recorded as started but never finished (a failed `prisma migrate deploy`) */
  failed: string[];
  /** recorded in the database, missing on disk (database is ahead of this code) */
  unknown: string[];
}

/** Compares the migrations on disk with rows of `_prisma_migrations` (pure; also used by /api/ready). */
export function compareMigrations(
  local: LocalMigration[],
  rows: AppliedMigrationRow[],
): MigrationStatus {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const finished = new Map(
    live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]),
  );
  const localNames = new Set(local.map((m) => m.name));
  return {
    pending: local.filter((m) => !finished.has(m.name)).map((m) => m.name),
    modified: local
      .filter((m) => finished.has(m.name) && !checksumMatches(m, finished.get(m.name)!.checksum))
      .map((m) => m.name),
    failed: [...new Set(live.filter((r) => r.finished_at === null).map((r) => r.migration_name))],
    unknown: [...finished.keys()].filter((n) => !localNames.has(n)),
  };
}

function checksumMatches(m: LocalMigration, recorded: string): boolean {
  // Prisma also accepts a file whose only change is CRLF ↔ LF (git autocrlf checkouts).
  return (
    recorded === m.checksum ||
    recorded === sha256Hex(m.sql.replace(/\r\n/g, "\n")) ||
    recorded === sha256Hex(m.sql.replace(/\r?\n/g, "\r\n"))
  );
}

// Prisma's exact DDL for the history table (sql-schema-connector, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function migrationsTableExists(client: pg.ClientBase): Promise<boolean> {
  const res = await client.query<{ t: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
  );
  return res.rows[0]?.t != null;
}

async function readRows(client: pg.ClientBase): Promise<AppliedMigrationRow[]> {
  if (!(await migrationsTableExists(client))) return [];
  const res = await client.query<AppliedMigrationRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return res.rows;
}

async function withClient<T>(
  connectionString: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: "kuaiji-migrate" });
  client.on("error", () => {}); // a dropped connection surfaces as a query error instead
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function acquireLock(
  client: pg.Client,
  timeoutMs: number,
  log?: (m: string) => void,
): Promise<void> {
  // Poll pg_try_advisory_lock rather than block in pg_advisory_lock: no session settings needed
  // (PGlite shares one session between all socket connections) and the wait is bounded.
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const res = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
      MIGRATE_ADVISORY_LOCK_KEY,
    ]);
    if (res.rows[0]?.ok) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        `等待迁移锁超时：另一个实例正在迁移数据库。/ Timed out after ${timeoutMs} ms waiting for the migration lock (advisory lock ${MIGRATE_ADVISORY_LOCK_KEY}) held by another instance.`,
      );
    }
    if (!told) log?.("另一个实例正在迁移，等待中… / Another instance is migrating; waiting…");
    told = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Applies every pending migration to the database at `connectionString`, each in its own
 * transaction, recording it in `_prisma_migrations`. Idempotent; safe to call from several
 * processes at once.
 */
export async function applyMigrations(
  connectionString: string,
  options: MigrationOptions = {},
): Promise<ApplyResult> {
  const t0 = performance.now();
  const local = listLocalMigrations(options.migrationsDir);
  const log = options.log;
  return withClient(connectionString, async (client) => {
    await acquireLock(client, options.lockTimeoutMs ?? 120_000, log);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const status = compareMigrations(local, await readRows(client));
      if (status.failed.length > 0) {
        throw new MigrationError(
          `数据库中有未完成的迁移：${status.failed.join(", ")}。/ The database records failed migrations (${status.failed.join(", ")}). ` +
            "Inspect the database, then mark them resolved (`prisma migrate resolve`, or set rolled_back_at on their _prisma_migrations rows).",
        );
      }
      if (status.modified.length > 0) {
        throw new MigrationError(
          `已应用的迁移文件被修改：${status.modified.join(", ")}。/ Applied migrations were edited after being applied: ${status.modified.join(", ")}. ` +
            "Never edit an applied migration: restore the file and add a new migration instead.",
        );
      }
      const pending = local.filter((m) => status.pending.includes(m.name));
      const applied: ApplyResult["applied"] = [];
      for (const m of pending) {
        const t = performance.now();
        log?.(`应用迁移 / applying ${m.name} …`);
        await client.query("BEGIN");
        try {
          // Re-check inside the transaction. On PostgreSQL the advisory lock already excludes
          // other migrators; on PGlite every socket connection shares one session, so the session
          // lock is re-entrant for all of them — but its transactions are serialised, so a
          // concurrent migrator's commit is visible here.
          const done = await client.query(
            `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
            [m.name],
          );
          if (done.rowCount) {
            await client.query("ROLLBACK");
            log?.(`  ${m.name} 已由另一实例应用 / applied meanwhile by another instance`);
            continue;
          }
          const id = randomUUID();
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
            [id, m.checksum, m.name],
          );
          await client.query(m.sql); // simple-query protocol: the file may hold many statements
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK").catch(() => {});
          const pgErr = e as { message?: string; code?: string; position?: string };
          throw new MigrationError(
            `迁移失败（已回滚）/ Migration ${m.name} failed and was rolled back: ${pgErr.message ?? String(e)}` +
              (pgErr.code
                ? ` [SQLSTATE ${pgErr.code}${pgErr.position ? `, at character ${pgErr.position}` : ""}]`
                : ""),
            { cause: e },
          );
        }
        applied.push({ name: m.name, ms: Math.round(performance.now() - t) });
      }
      return {
        applied,
        alreadyApplied: local
          .filter((m) => !applied.some((a) => a.name === m.name))
          .map((m) => m.name),
        ms: Math.round(performance.now() - t0),
      };
    } finally {
      await client
        .query("SELECT pg_advisory_unlock($1)", [MIGRATE_ADVISORY_LOCK_KEY])
        .catch(() => {});
    }
  });
}

/** Status of the database at `connectionString` against the migrations on disk (read-only). */
export async function migrationStatus(
  connectionString: string,
  options: Pick<MigrationOptions, "migrationsDir"> = {},
): Promise<MigrationStatus> {
  const local = listLocalMigrations(options.migrationsDir);
  return withClient(connectionString, async (client) =>
    compareMigrations(local, await readRows(client)),
  );
}

/** Names of migrations on disk not yet applied to the database (for readiness checks). */
export async function pendingMigrations(
  connectionString: string,
  options: Pick<MigrationOptions, "migrationsDir"> = {},
): Promise<string[]> {
  return (await migrationStatus(connectionString, options)).pending;
}
