// `npm run bench -- --only console` (issue 11, "Scale"): the console's reads on a database holding
// the provincial seed (`npm run seed:scale -- --people 2000000`), each next to hand-written SQL
// for the same result run straight through node-postgres on the same database in the same run:
//   - 人员查询 p95 by name, pinyin initials and 证件号码 (blind index), and three filter mixes at
//     province (440000), city (440100) and county (440106) scope — goal ≤ 30 ms;
//   - the 统计分析 dashboard of the province — goal ≤ 200 ms;
//   - 导出 of 1,000,000 rows — goal ≤ 60 s and ≤ 300 MB peak RSS.
// The database is DATABASE_URL as the bench starts (never the fresh test databases of the other
// sections), with the seed's KUAIJI_ENC_KEY / KUAIJI_INDEX_KEY: the number search types a real
// number, decrypted from a sampled row. The services' half comes from console-services.ts.
import { Pool } from "pg";
import { SEARCH_COUNT_BOUND } from "@/lib/search/search-service";
import { percentile, rssMiB } from "./measure";
import type { Figure } from "./report";

/** The environment before the bench's main() replaces the keys with throwaway ones. */
const startEnv = { ...process.env };

export const SEARCH_GOAL_MS = 30;
export const DASHBOARD_GOAL_MS = 200;
export const EXPORT_GOAL_S = 60;
export const EXPORT_GOAL_MIB = 300;
/** Queries per search figure (different names / numbers each time). */
const SEARCH_RUNS = 60;
const PAGE = 20;
const CE_YEAR = 2025;
/** 90 credits a year (Guangdong: 公需 30 + 专业 60), in tenths as CeYearTotal keeps them. */
const CE_REQUIRED_TENTHS = 900;

export const SCOPES = [
  { label: "province 440000", code: "440000", prefix: "44" },
  { label: "city 440100", code: "440100", prefix: "4401" },
  { label: "county 440106", code: "440106", prefix: "440106" },
] as const;
export type Scope = (typeof SCOPES)[number];

/** The three filter mixes, as the console's filter (search-filter.ts) names them. */
export const MIXES = [
  {
    label: "在岗 + 中级会计",
    filter: {
      employmentStatus: "ACCOUNTING_POST",
      qualificationType: "ACCOUNTING",
      qualificationLevel: "INTERMEDIATE",
    },
    sql: `s."employmentStatus" = 'ACCOUNTING_POST' AND s.qualifications && ARRAY['ACCOUNTING:INTERMEDIATE']`,
  },
  {
    label: "高端人才",
    filter: { highEndTalent: "yes" },
    sql: `s."highEndTalent" = true`,
  },
  {
    label: `${CE_YEAR} 继续教育未完成 + 已采集`,
    filter: { collectionStatus: "collected", ceYear: String(CE_YEAR), ceStatus: "incomplete" },
    // Guangdong's thresholds: 90 in all, 公需 ≥ 30, 专业 ≥ 60 (tenths).
    // The completed years as PersonSearch keeps them; a year before the obligation is 无须参加.
    sql: `s."collectionStatus" = 'collected' AND s."ceObligationStart" <= ${CE_YEAR}
      AND NOT s."ceCompletedYears" @> ARRAY[${CE_YEAR}]`,
  },
] as const;
export type Mix = (typeof MIXES)[number];

/** What the searches look for: real names, initials and numbers of seeded people. */
export interface Probes {
  names: string[];
  initials: string[];
  /** 证件号码 in clear (decrypted with the seed's key), or [] when the key does not match */
  numbers: string[];
  indexes: string[];
}

export function consoleDatabaseUrl(): string | undefined {
  return startEnv.DATABASE_URL;
}

/** The seed's keys, for the services (the bench's main() installed throwaway ones). */
export function seedKeys(): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const k of ["KUAIJI_ENC_KEY", "KUAIJI_INDEX_KEY", "KUAIJI_ENC_KEYS_OLD", "KUAIJI_CIPHER"]) {
    if (startEnv[k]) keys[k] = startEnv[k];
  }
  return keys;
}

const scopeSql = (prefix: string) =>
  prefix.length === 6
    ? `s."regionCode" = '${prefix}'`
    : `s."regionCode" >= '${prefix}' AND s."regionCode" < '${String(Number(prefix) + 1).padStart(prefix.length, "0")}'`;

/**
 * p95 of `runs` calls of `op` after one warm-up — or of those done within `capMs` (at least 3):
 * a query without its index on two million rows takes seconds, and the bench must end.
 */
export async function p95(
  runs: number,
  op: (i: number) => Promise<unknown>,
  capMs = 15_000,
): Promise<number> {
  await op(0); // warm-up: plan cache, connection
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - t0 < capMs); i++) {
    const t = performance.now();
    await op(i + 1);
    latencies.push(performance.now() - t);
  }
  return percentile(latencies, 95);
}

/**
 * Samples RSS (MiB) every 50 ms while `run` runs: its result, seconds, the peak, and the RSS before
 * (the bench process itself: Prisma, pg, the modules loaded — not the export's).
 */
export async function measured<T>(
  run: () => Promise<T>,
): Promise<{ result: T; s: number; peakMiB: number; beforeMiB: number }> {
  const beforeMiB = rssMiB();
  let peak = beforeMiB;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB())), 50);
  const t = performance.now();
  try {
    const result = await run();
    return {
      result,
      s: (performance.now() - t) / 1000,
      peakMiB: Math.max(peak, rssMiB()),
      beforeMiB,
    };
  } finally {
    clearInterval(timer);
  }
}

export async function probes(
  pool: Pool,
  decrypt: (cipher: string) => string | null,
): Promise<Probes> {
  const { rows } = await pool.query<{
    name: string;
    initials: string;
    idx: string;
    cipher: string;
  }>(
    `SELECT s.name, s."nameInitials" AS initials, s."idNumberIndex" AS idx, p."idNumberCipher" AS cipher
     FROM "PersonSearch" s JOIN "Person" p ON p.id = s."personId"
     ORDER BY random() LIMIT ${SEARCH_RUNS + 1}`,
  );
  if (rows.length === 0) throw new Error("no people: seed the database first (npm run seed:scale)");
  const numbers = rows.map((r) => decrypt(r.cipher)).filter((n): n is string => n !== null);
  return {
    names: rows.map((r) => r.name),
    initials: rows.map((r) => r.initials),
    numbers: numbers.length === rows.length ? numbers : [],
    indexes: rows.map((r) => r.idx),
  };
}

/** The service counts to its bound and reads one row more to know there are more. */
const COUNT_LIMIT = SEARCH_COUNT_BOUND + 1;

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/**
 * Hand-written SQL for each search, the statements a page view makes: the first page (20 rows in
 * pinyin order, as the console lists) and the count up to SEARCH_COUNT_BOUND, one more row telling
 * "超过" (lib/search/search-service.ts).
 */
export async function rawSearchFigures(pool: Pool, p: Probes): Promise<Figure[]> {
  const province = scopeSql("44");
  const view = async (where: string, params: unknown[]) => {
    await pool.query(
      `SELECT s."personId", s.name, s."namePinyin", s."idNumberMasked", s."regionCode",
         s."archiveNumber", s."registeredAt", s."collectedAt"
       FROM "PersonSearch" s WHERE ${where}
       ORDER BY s."namePinyin" COLLATE "C", s."personId" LIMIT ${PAGE + 1}`,
      params,
    );
    await pool.query(
      `SELECT count(*) FROM (SELECT 1 FROM "PersonSearch" s WHERE ${where} LIMIT ${COUNT_LIMIT}) t`,
      params,
    );
  };
  const figures: Figure[] = [
    {
      label: "search p95: name (汉字), province",
      unit: "ms",
      value: await p95(SEARCH_RUNS, (i) =>
        view(`${province} AND left(s.name, 1) = $2 AND s.name COLLATE "C" LIKE $1`, [
          `${pick(p.names, i)}%`,
          [...pick(p.names, i)][0],
        ]),
      ),
    },
    {
      label: "search p95: pinyin initials, province",
      unit: "ms",
      // As lib/search does it: the pinyin walk and the initials walk, a page of each merged; the
      // count of both, each index-only.
      value: await p95(SEARCH_RUNS, async (i) => {
        const q = pick(p.initials, i);
        const params = [`${q}%`, q.slice(0, 2)];
        const pinyin = `${province} AND s."namePinyin" COLLATE "C" LIKE $1`;
        const initials = `${province} AND left(s."nameInitials", 2) = $2 AND s."nameInitials" COLLATE "C" LIKE $1`;
        // Keys only in each walk, the page's rows fetched by id (as lib/search does).
        const walk = (where: string, limit: number) =>
          `(SELECT s."personId", s."namePinyin" FROM "PersonSearch" s
           WHERE ${where} ORDER BY s."namePinyin" COLLATE "C", s."personId" LIMIT ${limit})`;
        await pool.query(
          `SELECT s."personId", s.name, s."namePinyin", s."idNumberMasked", s."regionCode",
             s."archiveNumber", s."registeredAt", s."collectedAt"
           FROM (SELECT "personId" FROM (${walk(pinyin, PAGE + 1)} UNION ${walk(initials, PAGE + 1)}) u
             ORDER BY "namePinyin" COLLATE "C", "personId" LIMIT ${PAGE + 1}) k
           JOIN "PersonSearch" s ON s."personId" = k."personId"
           ORDER BY s."namePinyin" COLLATE "C", s."personId"`,
          params,
        );
        await pool.query(
          `SELECT count(*) FROM ((SELECT s."personId" FROM "PersonSearch" s WHERE ${pinyin} LIMIT ${COUNT_LIMIT})
           UNION (SELECT s."personId" FROM "PersonSearch" s WHERE ${initials} LIMIT ${COUNT_LIMIT})) t`,
          params,
        );
      }),
    },
    {
      label: "search p95: 证件号码 (blind index), province",
      unit: "ms",
      value: await p95(SEARCH_RUNS, (i) =>
        pool.query(`SELECT id, "regionCode" FROM "Person" WHERE "idNumberIndex" = $1`, [
          pick(p.indexes, i),
        ]),
      ),
    },
  ];
  for (const mix of MIXES) {
    for (const scope of SCOPES) {
      figures.push({
        label: `search p95: ${mix.label}, ${scope.label}`,
        unit: "ms",
        value: await p95(SEARCH_RUNS / 3, () =>
          view(`${scopeSql(scope.prefix)} AND ${mix.sql}`, []),
        ),
      });
    }
  }
  return figures;
}

/** The export's search: 2025 继续教育已完成 in the province, about a million people of the seed. */
export const EXPORT_FILTER = { ceYear: String(CE_YEAR), ceStatus: "complete" } as const;
const EXPORT_FILTER_SQL = `EXISTS (SELECT 1 FROM "CeYearTotal" t WHERE t."personId" = s."personId"
  AND t.year = ${CE_YEAR} AND t."publicTenths" + t."professionalTenths" >= ${CE_REQUIRED_TENTHS}
  AND t."publicTenths" >= 300 AND t."professionalTenths" >= 600)`;

/**
 * The province's dashboard computed from the projection directly (what RegionStat saves the
 * page from): every chart's counts, one GROUP BY each, on one connection in a row.
 */
export async function rawDashboardMs(pool: Pool): Promise<number> {
  const where = scopeSql("44");
  const queries = [
    `SELECT left(s."regionCode", 4) AS k, s."collectionStatus", count(*) FROM "PersonSearch" s WHERE ${where} GROUP BY 1, 2`,
    ...["employmentStatus", "qualificationLevel", "educationLevel", "highEndTalent", "gender"].map(
      (c) => `SELECT s."${c}" AS k, count(*) FROM "PersonSearch" s WHERE ${where} GROUP BY 1`,
    ),
    `SELECT (extract(year FROM now())::int - s."birthYear") / 10 AS k, count(*) FROM "PersonSearch" s WHERE ${where} GROUP BY 1`,
    `SELECT unnest(s.qualifications) AS k, count(*) FROM "PersonSearch" s WHERE ${where} GROUP BY 1`,
    `SELECT to_char(s."collectedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS k, count(*) FROM "PersonSearch" s WHERE ${where} AND s."collectedAt" IS NOT NULL GROUP BY 1`,
    `SELECT t."publicTenths" + t."professionalTenths" >= ${CE_REQUIRED_TENTHS} AS k, count(*) FROM "PersonSearch" s
       LEFT JOIN "CeYearTotal" t ON t."personId" = s."personId" AND t.year = ${CE_YEAR} WHERE ${where} GROUP BY 1`,
    `SELECT to_char(o."closedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS k, count(*) FROM "TransferOut" o
       WHERE o."regionCode" LIKE '44%' AND o.state = 'transferred' GROUP BY 1`,
  ];
  const t = performance.now();
  for (const q of queries) await pool.query(q);
  return performance.now() - t;
}

/** The export's rows as CSV through a server-side cursor, 2,000 a batch; bytes written. */
export async function rawExport(pool: Pool): Promise<number> {
  const client = await pool.connect();
  let bytes = 0;
  try {
    await client.query("BEGIN");
    await client.query(
      `DECLARE export_rows NO SCROLL CURSOR FOR
       SELECT s.name, s."idNumberMasked", s.gender, s."birthYear", s."regionCode", s."employmentStatus",
         s."educationLevel", s."qualificationLevel", s."archiveNumber", s."collectedAt"
       FROM "PersonSearch" s WHERE ${scopeSql("44")} AND ${EXPORT_FILTER_SQL}
       ORDER BY s."namePinyin" COLLATE "C", s."personId"`,
    );
    for (;;) {
      const batch = await client.query<Record<string, unknown>>("FETCH 2000 FROM export_rows");
      if (batch.rows.length === 0) break;
      for (const r of batch.rows) bytes += Buffer.byteLength(`${Object.values(r).join(",")}\n`);
    }
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  return bytes;
}

export function newPool(url: string): Pool {
  return new Pool({ connectionString: url, max: 4 });
}

export async function exportRowCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "PersonSearch" s WHERE ${scopeSql("44")} AND ${EXPORT_FILTER_SQL}`,
  );
  return Number(rows[0]!.n);
}
