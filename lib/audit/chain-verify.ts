import "server-only";
import pg from "pg";
import { chainHash, type ChainedAuditRow } from "./chain";

// `npm run audit:verify`: walks the audit chain in "chainSeq" order inside one read-only
// snapshot, a few thousand rows a fetch (so millions of rows cost time, not memory), recomputing
// each row's hash (chain.ts) and checking it links to the one before. It starts from the anchor
// the head records — the genesis, or the last row the retention job archived — and ends at the
// head, so a row deleted anywhere (first, middle, last), altered, or inserted beside the chain
// is reported, with the first broken place.

const FETCH_ROWS = 5_000;

export type ChainProblem =
  /** rows chainSeq from..to are gone (a deleted row, or the chain's tail) */
  | "missing"
  /** the row's content does not give its stored hash */
  | "altered"
  /** the row's prevHash is not the previous row's hash (a replaced or forged row) */
  | "link"
  /** a row without a place in the chain, or with one outside it */
  | "out-of-chain";

export type ChainVerdict =
  | { ok: true; rows: number; fromSeq: string; toSeq: string }
  | {
      ok: false;
      /** rows checked and found sound before the break */
      rows: number;
      problem: ChainProblem;
      /** the row where the break shows (for "missing": the first row after the gap, if any) */
      id: string | null;
      at: Date | null;
      chainSeq: string | null;
      detail: string;
    };

interface Head {
  seq: string;
  hash: string;
  prunedSeq: string;
  prunedHash: string;
}

type Row = ChainedAuditRow;

// Text forms carry the column's name: ORDER BY and WHERE name the table's column (e."…").
const ROW_COLUMNS = `"id"::text AS "id", "at", "actorType", "actorId", "action", "outcome", "ip",
  "userAgent", "regionCode", "targetType", "targetId", "details"::text AS "details",
  "chainSeq"::text AS "chainSeq", "prevHash", "hash"`;

function broken(
  rows: number,
  problem: ChainProblem,
  row: Pick<Row, "id" | "at" | "chainSeq"> | null,
  detail: string,
): ChainVerdict {
  return {
    ok: false,
    rows,
    problem,
    id: row?.id ?? null,
    at: row?.at ?? null,
    chainSeq: row?.chainSeq ?? null,
    detail,
  };
}

/** The first problem of one row given what the chain expects next; null when it is sound. */
function checkRow(row: Row, seq: bigint, prev: string, head: Head, rows: number) {
  const at = BigInt(row.chainSeq);
  if (at < seq || at > BigInt(head.seq)) {
    return broken(rows, "out-of-chain", row, `chainSeq ${at} outside ${seq}–${head.seq}`);
  }
  if (at > seq) {
    return broken(rows, "missing", row, `rows chainSeq ${seq}–${at - 1n} are missing`);
  }
  if (row.prevHash !== prev) {
    return broken(rows, "link", row, `prevHash does not match row chainSeq ${seq - 1n}`);
  }
  if (chainHash(row) !== row.hash) {
    return broken(rows, "altered", row, "the row's content does not give its hash");
  }
  return null;
}

/** Checks the chain of the database at `url` (any role that may read the audit tables). */
export async function verifyAuditChain(url: string): Promise<ChainVerdict> {
  const client = new pg.Client({ connectionString: url, application_name: "kuaiji-audit-verify" });
  client.on("error", () => {}); // a dropped connection surfaces as a query error instead
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const verdict = await walk(client);
    await client.query("COMMIT");
    return verdict;
  } finally {
    await client.end().catch(() => {});
  }
}

async function walk(client: pg.Client): Promise<ChainVerdict> {
  const head = (
    await client.query<Head>(
      `SELECT "seq"::text AS seq, "hash", "prunedSeq"::text AS "prunedSeq", "prunedHash"
         FROM "AuditChainHead" WHERE "id" = 1`,
    )
  ).rows[0];
  if (!head) return broken(0, "missing", null, "the chain head row is missing");
  const unchained = (
    await client.query<Row>(
      `SELECT ${ROW_COLUMNS} FROM "AuditEvent" e WHERE e."chainSeq" IS NULL ORDER BY e."id" LIMIT 1`,
    )
  ).rows[0];
  if (unchained) return broken(0, "out-of-chain", unchained, "a row without a chain position");

  let seq = BigInt(head.prunedSeq) + 1n;
  let prev = head.prunedHash;
  let rows = 0;
  let last: Row | null = null;
  await client.query(
    `DECLARE audit_chain NO SCROLL CURSOR FOR
       SELECT ${ROW_COLUMNS} FROM "AuditEvent" e ORDER BY e."chainSeq"`,
  );
  for (;;) {
    const batch = await client.query<Row>(`FETCH ${FETCH_ROWS} FROM audit_chain`);
    if (batch.rows.length === 0) break;
    for (const row of batch.rows) {
      const problem = checkRow(row, seq, prev, head, rows);
      if (problem) return problem;
      rows += 1;
      seq += 1n;
      prev = row.hash;
      last = row;
    }
  }
  if (seq - 1n !== BigInt(head.seq)) {
    return broken(
      rows,
      "missing",
      last,
      `rows chainSeq ${seq}–${head.seq} after this one are missing`,
    );
  }
  if (prev !== head.hash) {
    return broken(rows, "link", last, "the newest row's hash is not the head's");
  }
  return { ok: true, rows, fromSeq: String(BigInt(head.prunedSeq) + 1n), toSeq: head.seq };
}
