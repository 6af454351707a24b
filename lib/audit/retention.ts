import "server-only";
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getStorage } from "@/lib/storage/storage";
import type { ObjectStorage } from "@/lib/storage/types";
import { auditArchiveCutoff, auditRetentionDays } from "./retention-window";

// The audit-archive job: the oldest part of the audit chain (chain.ts), as far as its rows are
// older than the retention window (retention-window.ts), leaves the online table for the
// platform's object storage, in files of at most BATCH rows:
//
//   audit-archive/YYYY/MM/<firstSeq>-<lastSeq>.ndjson.gz       the rows, one JSON object a line
//   audit-archive/YYYY/MM/<firstSeq>-<lastSeq>.manifest.json   seq, id and time range, count, SHA-256
//
// (YYYY/MM: the UTC month of the batch's first row; Seq: the rows' "chainSeq".) Rows go in chain
// order and only from its start, so what stays online is one unbroken chain whose first row links
// to the last archived one: the chain head keeps that row's hash as the anchor `npm run
// audit:verify` starts from, and the archived rows carry their own links, so the files continue
// the chain offline. In production rows are dated when written, so chain order is time order; a
// row dated earlier than one before it waits until that one is due too.
//
// Order matters: the file is written, read back and checked against its SHA-256 and row count,
// the manifest written, and only then are the rows deleted — by the database function
// audit_chain_prune (migration 20261204101723_audit_chain), the only way rows leave: the
// application's role holds no DELETE on the table. It deletes exactly the named range if it is
// the chain's oldest and every row in it is older than the cutoff (itself at least 180 days
// back), moves the anchor and appends the audit.archive row, all in one transaction. A crash
// anywhere before that commit loses nothing: the rows are still online and the next run writes
// the same batch to the same key again. Two instances at once write the same bytes (gzip without
// a timestamp) and the second deletes nothing.

const BATCH = 5_000;
/** Bounds one run (500 000 rows); an hourly schedule drains a backlog within hours. */
const MAX_BATCHES = 100;

type AuditEventRow = Prisma.AuditEventGetPayload<object>;

/** One archived row: the table's columns, the id and chain position as decimal strings. */
export interface ArchivedAuditRow {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  regionCode: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Prisma.JsonValue;
  chainSeq: string | null;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditArchiveManifest {
  key: string;
  firstSeq: string;
  lastSeq: string;
  firstId: string;
  lastId: string;
  fromAt: string;
  toAt: string;
  rows: number;
  sha256: string;
  /** rows strictly before this instant were due */
  before: string;
}

function archivedRow(r: AuditEventRow): ArchivedAuditRow {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    action: r.action,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.userAgent,
    regionCode: r.regionCode,
    targetType: r.targetType,
    targetId: r.targetId,
    details: r.details,
    chainSeq: r.chainSeq === null ? null : String(r.chainSeq),
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** The file's key: audit_chain_prune reads the chain range back out of it (keep the two in step). */
function archiveKey(rows: AuditEventRow[]): string {
  const month = rows[0]!.at.toISOString().slice(0, 7).replace("-", "/");
  return `audit-archive/${month}/${rows[0]!.chainSeq}-${rows[rows.length - 1]!.chainSeq}.ndjson.gz`;
}

function idRange(rows: AuditEventRow[]): { first: bigint; last: bigint } {
  const ids = rows.map((r) => r.id);
  return {
    first: ids.reduce((a, b) => (b < a ? b : a)),
    last: ids.reduce((a, b) => (b > a ? b : a)),
  };
}

export function manifestKey(archiveKey: string): string {
  return archiveKey.replace(/\.ndjson\.gz$/, ".manifest.json");
}

async function readObject(storage: ObjectStorage, key: string): Promise<Buffer | null> {
  const object = await storage.get(key);
  return object ? Buffer.concat(await object.body.toArray()) : null;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The rows of an archive file, or null when there is none. */
export async function readAuditArchive(
  storage: ObjectStorage,
  key: string,
): Promise<{ rows: ArchivedAuditRow[]; sha256: string } | null> {
  const bytes = await readObject(storage, key);
  if (!bytes) return null;
  const text = gunzipSync(bytes).toString("utf8");
  const rows = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ArchivedAuditRow);
  return { rows, sha256: sha256(bytes) };
}

/** Writes one batch and deletes it; returns the rows deleted (0: another run got there first). */
async function archiveBatch(
  db: Db,
  storage: ObjectStorage,
  rows: AuditEventRow[],
  before: Date,
): Promise<number> {
  const key = archiveKey(rows);
  const { first, last } = idRange(rows);
  const body = gzipSync(rows.map((r) => `${JSON.stringify(archivedRow(r))}\n`).join(""));
  const manifest: AuditArchiveManifest = {
    key,
    firstSeq: String(rows[0]!.chainSeq),
    lastSeq: String(rows[rows.length - 1]!.chainSeq),
    firstId: String(first),
    lastId: String(last),
    fromAt: rows[0]!.at.toISOString(),
    toAt: rows[rows.length - 1]!.at.toISOString(),
    rows: rows.length,
    sha256: sha256(body),
    before: before.toISOString(),
  };
  await storage.put(key, body, { contentType: "application/gzip", contentLength: body.length });
  const check = await readAuditArchive(storage, key);
  if (check?.sha256 !== manifest.sha256 || check.rows.length !== rows.length) {
    throw new Error(`audit archive ${key} did not read back as written; no row deleted`);
  }
  const manifestBody = Buffer.from(JSON.stringify(manifest, null, 2));
  await storage.put(manifestKey(key), manifestBody, {
    contentType: "application/json",
    contentLength: manifestBody.length,
  });
  // One statement, one transaction: the delete, the anchor and the audit.archive row.
  const [row] = await db.$queryRaw<{ deleted: bigint }[]>`
    SELECT "audit_chain_prune"(${key}, ${before.toISOString()}::timestamptz,
      ${JSON.stringify(manifest)}::jsonb) AS deleted`;
  return Number(row?.deleted ?? 0);
}

/** The oldest rows of the chain, as far as they are older than `before`, at most `take`. */
async function duePrefix(db: Db, before: Date, take: number): Promise<AuditEventRow[]> {
  const rows = await db.auditEvent.findMany({
    where: { chainSeq: { not: null } },
    orderBy: { chainSeq: "asc" },
    take,
  });
  const stop = rows.findIndex((r) => r.at >= before);
  return stop === -1 ? rows : rows.slice(0, stop);
}

/**
 * The job's `now` less the window, but never later than the database's own clock less the window:
 * an instance whose clock runs ahead (or `npm run jobs -- --at` a future time) would otherwise
 * archive rows the configured window still keeps online — the trigger's floor is only 180 days.
 * Every instance reads the same database clock, so they agree on what is due.
 */
async function archiveCutoff(db: Db, now: Date, days: number): Promise<Date> {
  const [row] = await db.$queryRaw<{ cutoff: Date }[]>`
    SELECT now() - make_interval(days => ${days}::int) AS cutoff`;
  const own = auditArchiveCutoff(now, days);
  return row && row.cutoff < own ? row.cutoff : own;
}

/** What the job receives and reports (lib/jobs/types.ts, of which it needs this much). */
interface JobContext {
  db: Db;
  now: Date;
}
interface JobResult {
  processed: number;
  detail: { rows: number; files: number };
}

/** The job against a given object store and file size (tests hand in a temporary one, small). */
export function archiveAuditRowsIn(
  storage: () => ObjectStorage,
  fileRows = BATCH,
): (ctx: JobContext) => Promise<JobResult> {
  return async ({ db, now }) => {
    const before = await archiveCutoff(db, now, auditRetentionDays());
    let rows = 0;
    let files = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await duePrefix(db, before, fileRows);
      if (batch.length === 0) break;
      const deleted = await archiveBatch(db, storage(), batch, before);
      if (deleted === 0) break;
      rows += deleted;
      files += 1;
    }
    return { processed: rows, detail: { rows, files } };
  };
}

/** Audit rows past KUAIJI_AUDIT_RETENTION_DAYS, to the platform's bucket. */
export const archiveAuditRows = archiveAuditRowsIn(getStorage);
