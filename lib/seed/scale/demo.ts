import "server-only";
import { Pool } from "pg";
import { seedScale, seededCounts, type ScaleResult } from "./seed";

// The embedded demo's people at scale: on a fresh demo database (nobody seeded yet and nobody
// registered beyond the demo accounts), scripts/start.ts adds KUAIJI_DEMO_SCALE_PEOPLE seeded
// people (default 5,000; 0 turns it off) so the console's search, statistics and export have
// something to show. A database somebody has used is left alone.

export const DEMO_SCALE_PEOPLE = 5000;
/** The demo accounts lib/seed/demo.ts creates, with room to spare. */
const DEMO_ACCOUNTS_AT_MOST = 10;

export async function seedDemoScale(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScaleResult | null> {
  const people = Number(env.KUAIJI_DEMO_SCALE_PEOPLE ?? DEMO_SCALE_PEOPLE);
  if (!Number.isSafeInteger(people) || people <= 0) return null;
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { seeded, others } = await seededCounts(pool);
    if (seeded > 0 || others > DEMO_ACCOUNTS_AT_MOST) return null;
  } finally {
    await pool.end();
  }
  // PGlite runs one transaction at a time: one connection, batches of 1,000.
  const r = await seedScale(url, { people, seed: 1, batchSize: 1000, concurrency: 1 });
  if ("ok" in r) throw new Error(r.message);
  return r;
}
