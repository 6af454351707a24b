import "server-only";
import { Pool } from "pg";
import { hashPassword } from "@/lib/crypto/password-hash";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { getJurisdiction, type Jurisdiction } from "@/lib/jurisdiction/config";
import { getRegion, regionPath } from "@/lib/region/divisions";
import { beijingToday } from "@/lib/time/beijing";
import { MAX_PEOPLE, SEED_PHONE_PREFIX } from "./identity";
import { type ScaleSetup, scalePerson } from "./person";
import { leafWeights, regionTable, transferDestinations } from "./regions";
import { type BatchCounts, writeBatch } from "./writer";

// `npm run seed:scale` (scripts/seed-scale.ts) and the embedded demo's first start: generates
// people in batches and writes each batch in its own transaction on a few connections at once,
// generating the next batch while the database writes the last.

/** The password every seeded account has (one argon2id hash computed per run). */
export const SEED_PASSWORD = "Kuaiji@2026";

export interface ScaleOptions {
  people: number;
  seed: number;
  /** Add people after those already seeded. */
  append?: boolean;
  /** Remove every person first (only when nobody but seeded people exists). */
  reset?: boolean;
  batchSize?: number;
  /** Batches written at once (connections). */
  concurrency?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface ScaleResult extends BatchCounts {
  firstIndex: number;
  ms: number;
}

export type ScaleRefusal = { ok: false; message: string };

/** Tables the seed writes, children first (TRUNCATE … CASCADE clears the rest of a person). */
const PEOPLE_TABLES = [
  "CeYearTotal",
  "PersonSearch",
  "RegionStat",
  "TransferOut",
  "CeCredit",
  "ArchiveVersion",
  "Archive",
  "Person",
];

export function scaleSetup(
  seed: number,
  today: string,
  j: Jurisdiction = getJurisdiction(),
): ScaleSetup {
  const cityNames = new Map<string, string>();
  for (const [code] of leafWeights(j)) {
    const city = regionPath(code).find((r) => r.level === "city");
    cityNames.set(code, (city?.name ?? "").replace(/市$/, ""));
  }
  const destinations = transferDestinations(j);
  return {
    seed,
    today,
    regions: regionTable(j),
    cityNames,
    jurisdictionCode: j.code,
    transferDestinations: destinations,
    otherAreas: destinations.map((d) => d.regionCode).filter((c) => getRegion(c)),
  };
}

/** How many seeded people (19x phones) and others the database holds. */
export async function seededCounts(pool: Pool): Promise<{ seeded: number; others: number }> {
  const { rows } = await pool.query<{ seeded: string; others: string }>(
    `SELECT count(*) FILTER (WHERE phone LIKE $1) AS seeded,
            count(*) FILTER (WHERE phone NOT LIKE $1) AS others FROM "Person"`,
    [`${SEED_PHONE_PREFIX}%`],
  );
  return { seeded: Number(rows[0]!.seeded), others: Number(rows[0]!.others) };
}

export async function seedScale(
  url: string,
  options: ScaleOptions,
): Promise<ScaleResult | ScaleRefusal> {
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 2;
  const batchSize = options.batchSize ?? 5000;
  const now = options.now ?? new Date();
  const pool = new Pool({ connectionString: url, max: concurrency + 1 });
  try {
    const counts = await seededCounts(pool);
    let seeded = counts.seeded;
    const others = counts.others;
    if (options.reset) {
      if (others > 0) {
        return {
          ok: false,
          message: `--reset 只用于只有种子数据的数据库：另有 ${others} 名非种子人员，未做任何删除`,
        };
      }
      await pool.query(`TRUNCATE ${PEOPLE_TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
      log(`reset: removed ${seeded} seeded people`);
      seeded = 0;
    }
    if (seeded > 0 && !options.append) {
      return {
        ok: false,
        message: `数据库中已有 ${seeded} 名种子人员：用 --append 继续添加，或 --reset 清空后重建`,
      };
    }
    const firstIndex = seeded;
    if (firstIndex + options.people > MAX_PEOPLE) {
      return { ok: false, message: `人数超出上限 ${MAX_PEOPLE}` };
    }
    const setup = scaleSetup(options.seed, beijingToday(now));
    const passwordHash = await hashPassword(SEED_PASSWORD);
    const totals: BatchCounts = { people: 0, archives: 0, credits: 0, ceYears: 0, transfers: 0 };
    const t0 = performance.now();
    let next = firstIndex;
    const end = firstIndex + options.people;
    let lastLog = t0;

    const thresholds = getCeThresholds();
    const worker = async () => {
      const client = await pool.connect();
      try {
        while (next < end) {
          const from = next;
          const to = Math.min(end, from + batchSize);
          next = to;
          const people = [];
          for (let i = from; i < to; i++) people.push(scalePerson(setup, i));
          const counts = await writeBatch(
            client,
            people,
            passwordHash,
            setup.jurisdictionCode,
            now,
            thresholds,
          );
          for (const k of Object.keys(totals) as (keyof BatchCounts)[]) totals[k] += counts[k];
          const t = performance.now();
          if (t - lastLog > 10_000 || totals.people === options.people) {
            lastLog = t;
            const s = (t - t0) / 1000;
            log(
              `${totals.people.toLocaleString("en")} / ${options.people.toLocaleString("en")} people ` +
                `in ${s.toFixed(0)} s (${Math.round(totals.people / s).toLocaleString("en")} people/s)`,
            );
          }
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // VACUUM, not only ANALYZE: a freshly bulk-loaded table has no visibility map, so every
    // index-only scan (the name and count queries) would still read the heap.
    await pool.query(`VACUUM (ANALYZE) ${PEOPLE_TABLES.map((t) => `"${t}"`).join(", ")}`);
    return { ...totals, firstIndex, ms: performance.now() - t0 };
  } finally {
    await pool.end();
  }
}
