import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

// One client per process. Both the embedded default and production speak the PostgreSQL
// protocol (scripts/start.ts serves PGlite on a local port), so there is one code path.
const globalForDb = globalThis as unknown as { kuaijiDb?: PrismaClient; kuaijiPool?: Pool };

export function createDb(url: string = databaseUrl()): PrismaClient {
  return clientOn(newPool(url));
}

function newPool(url: string): Pool {
  return new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
}

/** Our own pg Pool behind the adapter, so /api/metrics can read its counts; closed with the client. */
function clientOn(pool: Pool): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // PGlite runs one transaction at a time, so under load a transaction may wait its turn longer
  // than Prisma's 2 s default; the same bound is harmless on PostgreSQL.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

function instance(): PrismaClient {
  if (!globalForDb.kuaijiDb) {
    globalForDb.kuaijiPool = newPool(databaseUrl());
    globalForDb.kuaijiDb = clientOn(globalForDb.kuaijiPool);
  }
  return globalForDb.kuaijiDb;
}

/** The shared client's pool right now; null before its first use (nothing to count yet). */
export function dbPoolStats(): { total: number; idle: number; waiting: number } | null {
  const pool = globalForDb.kuaijiPool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * The shared client, created on first use rather than on import: `next build` imports every
 * route while no database exists, and tests set DATABASE_URL before the first query.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = instance();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
