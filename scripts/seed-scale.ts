// `npm run seed:scale` — people at provincial scale for the console (issue 11): valid ID numbers,
// real regions with plausible weights, collected records, 继续教育 credits, transfers and the
// search projection, written in bulk (lib/seed/scale). Prints rows per second.
//   npm run seed:scale                                   5,000 people (embedded default, or DATABASE_URL as DATABASE_MIGRATION_URL)
//   npm run seed:scale -- --people 2000000 --seed 7      on DATABASE_URL, as DATABASE_MIGRATION_URL (with the platform's KUAIJI_* keys)
//   npm run seed:scale -- --append --people 10000        more people after those already seeded
//   npm run seed:scale -- --reset --people 5000          start over (only seeded people in the database)
// Every seeded account's password is Kuaiji@2026; phones are 19x numbers. The seed stores no
// files: the record names attachment ids (免冠照, 证件照) that have no stored file behind them.
import { parseArgs } from "node:util";
import { ownerDatabaseUrl } from "../lib/db/url";
import { operatorDatabaseUrl } from "./operator-db";

const USAGE = `用法 / usage: npm run seed:scale -- [--people 5000] [--seed 1] [--append | --reset] [--batch 5000] [--connections 2]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      people: { type: "string", default: "5000" },
      seed: { type: "string", default: "1" },
      append: { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      batch: { type: "string", default: "5000" },
      connections: { type: "string", default: "2" },
    },
  });
  const people = Number(values.people);
  const seed = Number(values.seed);
  const batchSize = Number(values.batch);
  const concurrency = Number(values.connections);
  const whole = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (
    !whole(people) ||
    !Number.isSafeInteger(seed) ||
    !whole(batchSize) ||
    !whole(concurrency) ||
    (values.append && values.reset)
  ) {
    console.error(USAGE);
    return 2;
  }
  // TRUNCATE and ANALYZE: the schema's owner, where the application runs as a narrower role.
  const url = (process.env.DATABASE_URL && ownerDatabaseUrl()) || operatorDatabaseUrl();
  const { seedScale } = await import("../lib/seed/scale/seed");
  const t0 = performance.now();
  const r = await seedScale(url, {
    people,
    seed,
    append: values.append,
    reset: values.reset,
    batchSize,
    concurrency,
    log: (line) => console.log(line),
  });
  if ("ok" in r) {
    console.error(r.message);
    return 1;
  }
  const s = r.ms / 1000;
  const rows = r.people * 2 + r.archives * 2 + r.credits + r.ceYears + r.transfers;
  console.log(
    `seeded ${r.people.toLocaleString("en")} people (indexes ${r.firstIndex}–${r.firstIndex + r.people - 1}, seed ${seed}): ` +
      `${r.archives.toLocaleString("en")} archives, ${r.credits.toLocaleString("en")} CE records, ` +
      `${r.ceYears.toLocaleString("en")} CE year totals, ${r.transfers.toLocaleString("en")} transfers`,
  );
  console.log(
    `${s.toFixed(1)} s: ${Math.round(r.people / s).toLocaleString("en")} people/s, ` +
      `${Math.round(rows / s).toLocaleString("en")} rows/s (${rows.toLocaleString("en")} rows in 7 tables); ` +
      `total with start-up ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
