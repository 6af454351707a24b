// Test databases for the integration project.
//
// Default: a throwaway in-memory PGlite served over the PostgreSQL protocol on a random local
// port (no external service needed). With TEST_DATABASE_URL=postgresql://user@host:5432/anydb: a
// fresh database `kuaiji_test_<random>` created on that server and dropped afterwards.
// Either way the migrations in prisma/migrations are applied, exactly as in production.
// On PostgreSQL the run also gets an application role of its own (`kuaiji_test_app_<random>`,
// granted by scripts/db/app-role-grants.ts, dropped afterwards): `appUrl` connects as it, as the
// platform does in production; `url` stays the owner's. PGlite has one role: both are the same.

import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { startEmbeddedDb } from "../../lib/db/embedded";
import { grantAppRole } from "../../scripts/db/app-role-grants";
import { applyMigrations } from "../../scripts/db/migrations";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  /** the schema's owner (migrations, backup, restore) */
  url: string;
  /** the application's role: INSERT and SELECT only on the audit log (PostgreSQL) */
  appUrl: string;
  /** time spent applying migrations, for the curious */
  migrateMs: number;
  stop(): Promise<void>;
}

/** The URL with another database name; a missing user name made explicit (libpq's default). */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (!u.username) u.username = process.env.PGUSER ?? process.env.USER ?? userInfo().username;
  return u.toString();
}

/** The URL logging in as another role. */
function asRole(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "kuaiji-test-setup" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts (or creates) an empty, migrated database for one test run. */
export async function startTestDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestDatabase> {
  if (env.TEST_DATABASE_URL) {
    const server = withDatabase(
      env.TEST_DATABASE_URL,
      new URL(env.TEST_DATABASE_URL).pathname.slice(1) || "postgres",
    );
    const name = `kuaiji_test_${randomBytes(6).toString("hex")}`;
    const appRole = `kuaiji_test_app_${randomBytes(6).toString("hex")}`;
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    const url = withDatabase(server, name);
    // WITH (FORCE) (PostgreSQL 13+) ends connections a test left open; the role's grants and
    // default privileges live in that database, so the role can go once it is dropped.
    const stop = async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(server, `DROP ROLE IF EXISTS "${appRole}"`);
    };
    try {
      const { ms } = await applyMigrations(url);
      const password = randomBytes(12).toString("hex");
      await grantAppRole(url, appRole, { password });
      return { kind: "postgres", url, appUrl: asRole(url, appRole, password), migrateMs: ms, stop };
    } catch (e) {
      await stop().catch(() => {});
      throw e;
    }
  }

  // Generous connection limit: every test file's module graph opens its own pool.
  const embedded = await startEmbeddedDb({ dataDir: "memory://", port: 0, maxConnections: 100 });
  try {
    const { ms } = await applyMigrations(embedded.url);
    return {
      kind: "pglite",
      url: embedded.url,
      appUrl: embedded.url,
      migrateMs: ms,
      stop: () => embedded.stop(),
    };
  } catch (e) {
    await embedded.stop();
    throw e;
  }
}

/** Fresh secrets for one test run (names match lib/crypto and next-auth). */
export function testSecrets(): Record<string, string> {
  return {
    KUAIJI_ENC_KEY: randomBytes(32).toString("hex"),
    KUAIJI_INDEX_KEY: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    KUAIJI_OTP_KEY: randomBytes(32).toString("hex"),
  };
}
