import "server-only";
import { type AuditEntry, type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { Refusal } from "@/lib/db/refusal";
import type { Prisma } from "@/lib/db/generated/client";
import { lockPersonRow, transferLockReason } from "@/lib/person/locks";
import { regionWithin, type StaffScope } from "@/lib/region/scope";
import { beijingToday } from "@/lib/time/beijing";
import { isUuid } from "@/lib/utils/uuid";
import type { CeClaimContext } from "./credit-kinds";
import { ceObligationStart } from "./overview";

// The steps every 继续教育 write shares (claims, review, courses, import): the result type and its
// refusals, the person's row lock with the transfer lock, the record lookups scoped to the
// staff member's region, and the audit row. Every write first takes the person's row lock and
// refuses while a transfer-out is under way, and writes its audit row in the same transaction.

export const CREDIT_NOT_FOUND = "没有找到这条继续教育记录";
/** The transfer lock as finance staff read it (the accountant's own words say 您). */
export const PERSON_TRANSFER_LOCKED = "该会计人员已申请调出，调转完成前不能办理继续教育业务";

/**
 * "stale": the record changed meanwhile (reviewed, finished); the page shows what is stored now.
 * "reviewed": a claim the person would withdraw was decided meanwhile; the message says so and
 * stays on screen (a refresh would take the button and its message away).
 * "duplicate": the same claim or course is already on record.
 */
export type CeRefusal =
  /** fieldErrors: the form's dotted paths ("year", "attachmentId", "reason"). */
  | (Refusal<"invalid"> & { fieldErrors: Record<string, string> })
  | Refusal<"locked" | "not-collected" | "not-found" | "duplicate" | "stale" | "reviewed" | "role">;

export type CeResult<T extends object = object> = ({ ok: true } & T) | CeRefusal;

/** The `refuse` of refusableTransaction (lib/db/refusal.ts), for any CeResult. */
export type RefuseCe = (refusal: CeRefusal) => never;

export function invalid(fieldErrors: Record<string, string>, message: string): CeRefusal {
  return { ok: false, reason: "invalid", message, fieldErrors };
}

/**
 * Locks the person's row for the rest of the transaction and returns its region; refuses while a
 * transfer-out is under way. The row lock orders this write against the transfer setting its state
 * and a 信息变更 moving the person's region.
 */
export async function lockPerson(
  tx: Tx,
  refuse: RefuseCe,
  personId: string,
  by: "person" | "staff",
): Promise<{ regionCode: string }> {
  const person = await lockPersonRow(tx, personId);
  if (!person) return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
  const locked = transferLockReason(person.transferState);
  if (locked) {
    const message = by === "person" ? locked : PERSON_TRANSFER_LOCKED;
    return refuse({ ok: false, reason: "locked", message });
  }
  return { regionCode: person.regionCode };
}

/** What a claim's or course's schema needs of the person; null when the file is not collected. */
export async function claimContext(
  db: Db,
  personId: string,
  now: Date,
  reader: CeClaimContext["reader"],
): Promise<CeClaimContext | null> {
  const archive = await db.archive.findUnique({ where: { personId }, select: { id: true } });
  if (!archive) return null;
  const obligationStartYear = await ceObligationStart(db, personId);
  return { today: beijingToday(now), obligationStartYear, reader };
}

/** A record by id (and owner), or null; ids that are not UUIDs (as attachment ids) name nothing. */
export function ownCredit(tx: Tx, id: string, where: { personId?: string }) {
  if (!isUuid(id)) return Promise.resolve(null);
  return tx.ceCredit.findFirst({ where: { id, ...where } });
}

/** A record the staff member administers (by the record's region), or a refusal. */
export async function staffCredit(tx: Tx, refuse: RefuseCe, id: string, scope: StaffScope) {
  const credit = await ownCredit(tx, id, {});
  if (!credit) return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
  if (!regionWithin(credit.regionCode, scope.regionCodes)) {
    // outside the region reads exactly like no such record
    return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
  }
  return credit;
}

export type Actor = Pick<AuditEntry, "actorType" | "actorId" | "regionCode">;

export const personAudit = (personId: string, regionCode: string): Actor => ({
  actorType: "person",
  actorId: personId,
  regionCode,
});

export const staffAudit = (scope: StaffScope, regionCode: string): Actor => ({
  actorType: "staff",
  actorId: scope.staffId,
  regionCode,
});

/** One success row; details carry ids, codes and numbers only — never titles or reasons. */
export function auditCredit(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  action: AuditEntry["action"],
  targetId: string,
  details: Prisma.InputJsonObject,
) {
  return writeAudit(tx, ctx, {
    ...actor,
    action,
    outcome: "success",
    targetType: "ce-credit",
    targetId,
    details,
  });
}
