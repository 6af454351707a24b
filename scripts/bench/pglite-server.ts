// Bench only: PGlite served over the PostgreSQL protocol in a process of its own, exactly as
// scripts/start.ts serves the embedded default (PGlite in one process, Next.js in another), but
// with its URL known to the bench, so the Next.js server can reach it through the round-trip
// counter (wire-counter.ts). Prints one JSON line {"url": …} once migrated; stops on SIGINT,
// SIGTERM or when its parent closes stdin.
//
//   node --import tsx scripts/bench/pglite-server.ts <dataDir> [maxConnections]
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "../db/migrations";

const [dataDir = "memory://", maxConnections = "40"] = process.argv.slice(2);
const embedded = await startEmbeddedDb({
  dataDir,
  port: 0,
  maxConnections: Number(maxConnections),
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void embedded.stop().finally(() => process.exit(0));
};
process.on("SIGINT", stop).on("SIGTERM", stop);
process.stdin.on("end", stop).on("close", stop).resume();
try {
  await applyMigrations(embedded.url);
  process.stdout.write(`${JSON.stringify({ url: embedded.url })}\n`);
} catch (e) {
  console.error(e);
  stop();
}
