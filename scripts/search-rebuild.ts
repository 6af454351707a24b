// `npm run search:rebuild` — recomputes the console's search projection (PersonSearch and
// CeYearTotal, lib/search) from the records for every person, 1,000 people per transaction in id
// order. For a deployment whose people predate the projection, or to check it: idempotent, and
// safe while the platform runs (each batch waits for the writes of its people, see
// lib/search/projection-rebuild.ts). The embedded start does it by itself when the projection
// is empty.
// Production: DATABASE_URL and the KUAIJI_* keys from the environment. Embedded default: run while
// `npm start` is running; the database of .data is used.
// Exit status: 0 done, 1 failed (the person whose archive could not be read is named by id).
import { operatorDatabaseUrl } from "./operator-db";

async function main(): Promise<number> {
  const url = operatorDatabaseUrl();
  const { createDb } = await import("../lib/db/client");
  const { rebuildSearchProjection } = await import("../lib/search/projection-rebuild");
  const db = createDb(url);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    const done = await rebuildSearchProjection(db, {
      onBatch: (p) => {
        if (p.batches % 10 === 0) console.log(`… ${p.people} 人 / people (${seconds()} s)`);
      },
    });
    console.log(
      `人员查询索引已重建 / search projection rebuilt: ${done.people} 人 / people, ${done.batches} 批 / batches, ${seconds()} s`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
