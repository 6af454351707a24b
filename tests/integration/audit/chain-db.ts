// A database of one test file's own for the audit chain's tests: they break the chain on purpose
// (and mend it), or need to know exactly which rows are its oldest, so they never use the run's
// shared database. `db` is the platform's client as the application's role (on PostgreSQL: INSERT
// and SELECT only on the audit log); `owner` runs SQL as the schema's owner.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startTestDatabase, type TestDatabase } from "../../support/test-db";

export interface ChainDb {
  test: TestDatabase;
  db: Db;
  /** one statement (or a script) as the owner */
  owner(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** a script as the owner with the append-only trigger off: the tampering an owner could do */
  tamper(sql: string): Promise<void>;
}

export function chainDbForFile(): ChainDb {
  const holder = {} as ChainDb;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    holder.test = await startTestDatabase();
    holder.db = createDb(holder.test.appUrl);
    const owner = new pg.Pool({ connectionString: holder.test.url, max: 2 });
    // An idle connection the database's drop ends at teardown is no failure of the test.
    owner.on("error", () => {});
    pool = owner;
    holder.owner = (sql, params) => owner.query(sql, params);
    holder.tamper = async (sql) => {
      await owner.query(`BEGIN;
        ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete";
        ${sql};
        ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete";
        COMMIT`);
    };
  });
  afterAll(async () => {
    await holder.db?.$disconnect();
    await pool?.end();
    await holder.test?.stop();
  });
  return holder;
}
