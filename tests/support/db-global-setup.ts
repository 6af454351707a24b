// Vitest globalSetup of the `integration` project (see vitest.config.ts): runs once in the main
// vitest process, before any test worker starts.
//
// - starts a migrated test database (in-memory PGlite on a random port by default; a fresh
//   `kuaiji_test_<random>` database when TEST_DATABASE_URL is set — see ./test-db.ts);
// - sets DATABASE_URL (on PostgreSQL: the run's application role, INSERT and SELECT only on the
//   audit log, as in production), DATABASE_MIGRATION_URL (the owner), fresh random KUAIJI_ENC_KEY / KUAIJI_INDEX_KEY / NEXTAUTH_SECRET and a
//   small DATABASE_POOL_SIZE in process.env. Test workers are spawned after this runs and inherit
//   the environment, so `db` from lib/db/client connects to the test database. The URLs are also
//   offered as `inject("databaseUrl")` and `inject("databaseOwnerUrl")`.
// - tears the database down (PGlite closed / test database dropped) after the run.
import type { TestProject } from "vitest/node";
import { startTestDatabase, testSecrets } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseOwnerUrl: string;
    databaseKind: "pglite" | "postgres";
  }
}

export default async function setup(project: TestProject) {
  const t0 = performance.now();
  const testDb = await startTestDatabase();
  const setupMs = Math.round(performance.now() - t0);
  Object.assign(process.env, testSecrets(), {
    DATABASE_URL: testDb.appUrl,
    DATABASE_MIGRATION_URL: testDb.url,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "5",
    KUAIJI_TEST_DB_KIND: testDb.kind,
  });
  project.provide("databaseUrl", testDb.appUrl);
  project.provide("databaseOwnerUrl", testDb.url);
  project.provide("databaseKind", testDb.kind);
  console.log(
    `[db-global-setup] ${testDb.kind} test database ready in ${setupMs} ms (migrations ${testDb.migrateMs} ms): ${testDb.appUrl.replace(/:[^:@/]*@/, ":***@")}`,
  );

  return async () => {
    await testDb.stop();
  };
}
