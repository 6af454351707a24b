import "server-only";
import { type RequestContext, writeAudit, type AuditEntry } from "@/lib/audit/audit";
import { decryptField } from "@/lib/crypto/field-cipher";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { childLogger } from "@/lib/log/logger";
import { regionName } from "@/lib/region/divisions";
import type { StaffScope } from "@/lib/region/scope";
import { type SearchFilter, searchFilterForRecord, sortOf } from "@/lib/search/search-filter";
import {
  keyOf,
  SEARCH_COLUMNS,
  searchBatchSql,
  searchCount,
  type SearchRow,
} from "@/lib/search/search-sql";
import type { SearchCursor } from "@/lib/search/cursor";
import { hasRole, ROLE_DENIED } from "@/lib/codes/staff-roles";
import { formatBeijingDate } from "@/lib/time/beijing";
import { uuidv7 } from "@/lib/utils/uuid";
import { type Cell, type ExportRow, exportCells } from "./cells";
import { pacedStream, type StreamOutcome } from "./paced-stream";
import { EXPORT_FORMATS, type ExportFormat } from "./writers";

// 导出: the current 人员查询 as a file, streamed. The rows are exactly the search's (searchBatchSql,
// in its order), read in keyset batches after the last row of the previous one — never OFFSET,
// never the whole result in memory — and only as fast as the browser downloads (pacedStream).
// 证件号码 are masked unless the staff member holds export-full; then each batch is decrypted as
// it is written. Every export leaves two audit rows, each in its own transaction: "started"
// (filter, format, masked/full) before the first byte, and how it ended with the row count.

export const EXPORT_BATCH_ROWS = 2_000;
/** An export whose "started" row is older than this without an end died with its process. */
const STALE_MINUTES = 30;

export const EXPORT_BUSY = "您有一个导出正在进行，请等它完成后再导出";
export const exportTooLarge = (max: number) =>
  `查询结果超过${max.toLocaleString("zh-CN")}条，不能一次导出，请增加查询条件（如行政区划）后分批导出`;

/** KUAIJI_EXPORT_MAX_ROWS: the most rows one export may hold (default 1,000,000). */
export function exportMaxRows(env: Record<string, string | undefined> = process.env): number {
  const raw = env.KUAIJI_EXPORT_MAX_ROWS;
  const max = raw === undefined || raw === "" ? 1_000_000 : Number(raw);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(
      `KUAIJI_EXPORT_MAX_ROWS 应为正整数，当前为 ${raw} / must be a positive whole number of rows`,
    );
  }
  return max;
}

/** Who exports: their regions and roles (export, and export-full for whole numbers). */
export interface Exporter extends StaffScope {
  roles: readonly string[];
}

export interface PeopleExportInput {
  filter: SearchFilter;
  format: ExportFormat;
}

export interface PeopleExportFile {
  ok: true;
  filename: string;
  contentType: string;
  /** The file; read it (a Response body) and the export runs, cancel it and it stops. */
  body: ReadableStream<Uint8Array>;
}

export type PeopleExportResult = PeopleExportFile | Refusal<"role" | "too-large" | "busy">;

/** export, or export-full (which is export with whole numbers). */
export function mayExport(staff: { roles: readonly string[] }): boolean {
  return hasRole(staff, "export") || hasRole(staff, "export-full");
}

export interface PeopleExportOptions {
  now?: Date;
  maxRows?: number;
  batchRows?: number;
}

export async function exportPeople(
  db: Db,
  ctx: RequestContext,
  exporter: Exporter,
  input: PeopleExportInput,
  options: PeopleExportOptions = {},
): Promise<PeopleExportResult> {
  const { now = new Date(), maxRows = exportMaxRows(), batchRows = EXPORT_BATCH_ROWS } = options;
  const filter: SearchFilter = { ...input.filter, cursor: undefined };
  if (!mayExport(exporter)) return { ok: false, reason: "role", message: ROLE_DENIED };
  const full = hasRole(exporter, "export-full");

  const { more } = await searchCount(db, filter, exporter, maxRows);
  if (more) return { ok: false, reason: "too-large", message: exportTooLarge(maxRows) };

  const exportId = uuidv7(now.getTime());
  const entry = (outcome: AuditEntry["outcome"], details: Record<string, unknown>): AuditEntry => ({
    actorType: "staff",
    actorId: exporter.staffId,
    action: "staff.export",
    outcome,
    regionCode: exporter.regionCodes[0] ?? null,
    targetType: "export",
    targetId: exportId,
    details: {
      format: input.format,
      numbers: full ? "full" : "masked",
      ...details,
    } as Prisma.InputJsonValue,
  });

  const started = await refusableTransaction<{ ok: true } | Refusal<"busy">>(
    db,
    async (tx, refuse) => {
      // One export at a time per staff member: the check and the "started" row under one lock,
      // so two requests at once cannot both find nothing running.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`staff.export:${exporter.staffId}`}))`;
      if (await exportRunning(tx, exporter.staffId))
        refuse({ ok: false, reason: "busy", message: EXPORT_BUSY });
      await writeAudit(
        tx,
        ctx,
        entry("success", { phase: "started", filter: searchFilterForRecord(filter) }),
      );
      return { ok: true };
    },
  );
  if (!started.ok) return started;

  const log = childLogger({ exportId, staffId: exporter.staffId });
  const settled = async (end: StreamOutcome) => {
    if (end.outcome === "failed") log.error({ err: end.error }, "export failed");
    try {
      await db.$transaction((tx) =>
        writeAudit(
          tx,
          ctx,
          entry(end.outcome === "completed" ? "success" : "failure", {
            phase: end.outcome,
            rows: end.rows,
          }),
        ),
      );
    } catch (err) {
      log.error({ err }, "export's closing audit row not written");
    }
  };

  const rows = exportBatches(db, filter, exporter, full, batchRows);
  const { contentType, write } = EXPORT_FORMATS[input.format];
  return {
    ok: true,
    filename: `人员信息_${formatBeijingDate(now).replace(/-/g, "")}.${input.format}`,
    contentType,
    body: pacedStream((pacer) => write(rows, pacer), settled),
  };
}

/** A "started" row of this staff member, recent, with no row saying how it ended. */
async function exportRunning(tx: Tx, staffId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "AuditEvent" s
    WHERE s."actorType" = 'staff' AND s."actorId" = ${staffId} AND s.action = 'staff.export'
      AND s.at > now() - make_interval(mins => ${STALE_MINUTES})
      AND s.details->>'phase' = 'started'
      AND NOT EXISTS (
        SELECT 1 FROM "AuditEvent" e
        WHERE e."actorType" = 'staff' AND e."actorId" = ${staffId} AND e.action = 'staff.export'
          AND e.at >= s.at AND e."targetId" = s."targetId" AND e.details->>'phase' <> 'started')
    LIMIT 1`;
  return rows.length > 0;
}

type BatchRow = SearchRow & {
  idType: string;
  gender: string | null;
  birthYear: number | null;
  educationLevel: string | null;
  idNumberCipher?: string;
};

/**
 * The search's rows in its order, `size` at a time, each batch after the last row of the one
 * before; at most two batches are held (the one written and the one being read).
 */
async function* exportBatches(
  db: Db,
  filter: SearchFilter,
  scope: StaffScope,
  full: boolean,
  size: number,
): AsyncGenerator<Iterable<Cell[]>> {
  const regions = new Map<string, string>();
  const regionOf = (code: string) => {
    let name = regions.get(code);
    if (name === undefined) regions.set(code, (name = regionName(code) ?? code));
    return name;
  };
  const columns = Prisma.sql`${SEARCH_COLUMNS}, p."idType", p.gender, p."birthYear",
    p."educationLevel" ${full ? Prisma.sql`, x."idNumberCipher"` : Prisma.empty}`;
  const join = full ? Prisma.sql`JOIN "Person" x ON x.id = p."personId"` : Prisma.empty;
  const read = (after: SearchCursor | null) => {
    const rows = db.$queryRaw<BatchRow[]>(
      searchBatchSql(filter, scope, after, size, columns, join),
    );
    // Awaited below; a read left pending when the download stops must not crash the process.
    rows.catch(() => undefined);
    return rows;
  };
  let next: Promise<BatchRow[]> | null = read(null);
  while (next) {
    const batch: BatchRow[] = await next;
    const last = batch.at(-1);
    // The next batch is read while this one is written: the database's time and ours overlap.
    next =
      last && batch.length === size
        ? read({
            ...sortOf(filter),
            direction: "next",
            key: keyOf(last, filter),
            personId: last.personId,
          })
        : null;
    if (batch.length > 0) yield cellsOf(batch, full, regionOf);
  }
}

/** Each row's cells made as the writer takes them, and garbage right after (not a batch's worth). */
function* cellsOf(batch: BatchRow[], full: boolean, regionOf: (code: string) => string) {
  for (const r of batch) yield exportCells(exportRow(r, full), regionOf);
}

function exportRow(r: BatchRow, full: boolean): ExportRow {
  return {
    ...r,
    idNumber: full && r.idNumberCipher ? decryptField(r.idNumberCipher) : r.idNumberMasked,
  };
}
