import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./actions";

export type ActorType = "person" | "staff" | "system" | "anonymous";
export type AuditOutcome = "success" | "failure" | "denied";

/** Who did it and from where; every service that changes state receives one. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/** What a job or a message from another party acts with: no request, no caller's address. */
export const SYSTEM_CONTEXT: RequestContext = { ip: null, userAgent: null };

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  regionCode?: string | null;
  targetType?: string;
  targetId?: string;
  /** Reasons, ids and masked values only — never a plain ID number, phone, code or password. */
  details?: Prisma.InputJsonValue;
}

/**
 * Appends one audit row. Takes the transaction client on purpose: the row commits or rolls
 * back together with the change it records (documenso's rule). The table refuses UPDATE and
 * DELETE (trigger in the init migration), so the log is append-only.
 */
export async function writeAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, ctx, [entry]);
}

/** The row an entry becomes: who, what, where from (IP and user agent cut to their columns). */
function auditRow(ctx: RequestContext, entry: AuditEntry) {
  return {
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    outcome: entry.outcome,
    regionCode: entry.regionCode ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details,
    ip: ctx.ip?.slice(0, 64) ?? null,
    userAgent: ctx.userAgent?.slice(0, 400) ?? null,
  };
}

/** Many rows of one request in one statement (a bulk import writes one per record). */
export async function writeAudits(
  tx: Tx,
  ctx: RequestContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  await tx.auditEvent.createMany({ data: entries.map((entry) => auditRow(ctx, entry)) });
}

/**
 * The audit row as an `INSERT … SELECT` for a single statement that makes the change too (a
 * data-modifying CTE): the caller appends the FROM that decides whether it is written, e.g.
 * `FROM saved`, so the row exists exactly when the change does — the same guarantee as
 * writeAudit in the change's transaction, without a transaction of several round trips.
 */
export function auditInsertSql(ctx: RequestContext, entry: AuditEntry): Prisma.Sql {
  const r = auditRow(ctx, entry);
  const details = r.details === undefined ? null : JSON.stringify(r.details);
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("actorType", "actorId", "action", "outcome", "regionCode",
      "targetType", "targetId", "details", "ip", "userAgent")
    SELECT ${r.actorType}, ${r.actorId}, ${r.action}, ${r.outcome}, ${r.regionCode},
      ${r.targetType}, ${r.targetId}, ${details}::jsonb, ${r.ip}, ${r.userAgent}`;
}
