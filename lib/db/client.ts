import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

// One client per process. Both the embedded default and production speak the PostgreSQL
// protocol (scripts/start.ts serves PGlite on a local port), so there is one code path.
const globalForDb = globalThis as unknown as { kuaijiDb?: PrismaClient };

export function createDb(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  // PGlite runs one transaction at a time, so under load a transaction may wait its turn longer
  // than Prisma's 2 s default; the same bound is harmless on PostgreSQL.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

function instance(): PrismaClient {
  globalForDb.kuaijiDb ??= createDb();
  return globalForDb.kuaijiDb;
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
