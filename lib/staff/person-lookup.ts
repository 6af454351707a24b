import "server-only";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/utils/uuid";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { idNumberIndex } from "@/lib/account/identifier";
import { PERSON_NOT_IN_SCOPE } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL, type StaffRole } from "@/lib/codes/staff-roles";
import { changeHistory, type HistoryEntry } from "@/lib/change/change-service";
import { regionName } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";
import { decryptField } from "@/lib/crypto/field-cipher";
import { currentArchive } from "@/lib/collection/archive-service";
import { type CeOverview, ceOverview } from "@/lib/ce/overview";
import { OUT_TRANSFER_STATES } from "@/lib/transfer/out-states";
import { IN_TRANSFER_STATES } from "@/lib/transfer/in-states";

// Finance staff find an accountant of their region by 证件号码 (the blind index: the number is
// never stored or logged in clear) and open that person's page by id — so ID numbers never travel
// in URLs, where access logs and browser history would keep them. Someone outside the staff
// member's region gets the very answer an unregistered number gets.

export type LookupResult =
  { ok: true; personId: string } | { ok: false; reason?: "role"; message: string };

/** Who may open one person: 人员查询 (archive-read), and 继续教育 course entry for its people. */
const PERSON_READ_ROLES: readonly StaffRole[] = ["archive-read", "ce-course"];

export async function findPersonInScope(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  idNumber: string,
): Promise<LookupResult> {
  if (!holdsAny(reviewer, PERSON_READ_ROLES)) return ROLE_REFUSAL;
  const person = await db.person.findUnique({
    where: { idNumberIndex: idNumberIndex(idNumber) },
    select: { id: true, regionCode: true },
  });
  const found = person && regionWithin(person.regionCode, reviewer.regionCodes) ? person : null;
  // Looking someone up is reading personal data: every lookup is on record, found or not.
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "staff.person-lookup",
      outcome: found ? "success" : "failure",
      regionCode: found?.regionCode ?? null,
      targetType: found ? "person" : undefined,
      targetId: found?.id,
    }),
  );
  return found ? { ok: true, personId: found.id } : { ok: false, message: PERSON_NOT_IN_SCOPE };
}

export interface StaffPersonView {
  personId: string;
  name: string;
  idNumberMasked: string;
  regionCode: string;
  regionName: string;
  archiveNumber: string | null;
  transferState: string | null;
}

/** A person of the reviewer's region as the console shows them, or null. */
export async function personForStaff(
  db: Db,
  reviewer: StaffActor,
  personId: string,
): Promise<StaffPersonView | null> {
  if (!isUuid(personId) || !holdsAny(reviewer, PERSON_READ_ROLES)) return null;
  const p = await db.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      idNumberMasked: true,
      regionCode: true,
      transferState: true,
      archive: { select: { archiveNumber: true } },
    },
  });
  if (!p || !regionWithin(p.regionCode, reviewer.regionCodes)) return null;
  return {
    personId: p.id,
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    regionCode: p.regionCode,
    regionName: regionName(p.regionCode) ?? p.regionCode,
    archiveNumber: p.archive?.archiveNumber ?? null,
    transferState: p.transferState,
  };
}

/**
 * A person's 继续教育 page for staff (ce-review, ce-course, archive-read): the person, with the
 * read on the audit record like every other read of a person's data.
 */
export async function personCeForStaff(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  personId: string,
): Promise<StaffPersonView | null> {
  const person = await personForStaff(db, reviewer, personId);
  if (person) await auditPersonRead(db, ctx, reviewer, person, "staff.ce-view");
  return person;
}

/** A staff member read a person's data (history, 人员详情, 继续教育): on the audit record. */
async function auditPersonRead(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  person: StaffPersonView,
  action: "staff.history-view" | "staff.person-view" | "staff.ce-view",
): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action,
      outcome: "success",
      regionCode: person.regionCode,
      targetType: "person",
      targetId: person.personId,
    }),
  );
}

/**
 * A person's 变更记录 as finance staff of their region see it — the accountant's own list. Reading
 * it is reading personal data (old and new values), so every read is on the audit record.
 */
export async function personHistoryForStaff(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  personId: string,
): Promise<{ person: StaffPersonView; history: HistoryEntry[] } | null> {
  if (!holdsAny(reviewer, ["archive-read"])) return null;
  const person = await personForStaff(db, reviewer, personId);
  if (!person) return null;
  const history = await changeHistory(db, personId);
  await auditPersonRead(db, ctx, reviewer, person, "staff.history-view");
  return { person, history };
}

export interface StaffTransferRow {
  id: string;
  direction: "out" | "in";
  stateLabel: string;
  /** 调往 (region code of the destination) or 调出地 (the origin's region name). */
  counterpart: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface StaffPersonDetail {
  person: StaffPersonView;
  /** The current archive version, null before 信息采集 is submitted. */
  archive: Awaited<ReturnType<typeof currentArchive>>;
  history: HistoryEntry[];
  ce: CeOverview;
  transfers: StaffTransferRow[];
}

/**
 * 人员详情: everything the console shows of one person of the staff member's region — the current
 * archive, every version's changes, 继续教育 years and transfers — read and audited as one view.
 * Someone outside the region is null, exactly like someone who does not exist.
 */
export async function personDetailForStaff(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  personId: string,
  now = new Date(),
): Promise<StaffPersonDetail | null> {
  if (!holdsAny(reviewer, ["archive-read"])) return null;
  const person = await personForStaff(db, reviewer, personId);
  if (!person) return null;
  const [archive, history, ce, outs, ins] = await Promise.all([
    currentArchive(db, personId),
    changeHistory(db, personId),
    ceOverview(db, personId, now),
    db.transferOut.findMany({
      where: { personId },
      orderBy: { createdAt: "desc" },
      select: { id: true, state: true, destRegionCode: true, createdAt: true, closedAt: true },
    }),
    db.transferIn.findMany({
      where: { personId },
      orderBy: { createdAt: "desc" },
      select: { id: true, state: true, originRegionName: true, createdAt: true, closedAt: true },
    }),
  ]);
  const transfers: StaffTransferRow[] = [
    ...outs.map((t) => ({
      id: t.id,
      direction: "out" as const,
      stateLabel: OUT_TRANSFER_STATES.label(t.state) ?? t.state,
      counterpart: regionName(t.destRegionCode) ?? t.destRegionCode,
      createdAt: t.createdAt,
      closedAt: t.closedAt,
    })),
    ...ins.map((t) => ({
      id: t.id,
      direction: "in" as const,
      stateLabel: IN_TRANSFER_STATES.label(t.state) ?? t.state,
      counterpart: t.originRegionName,
      createdAt: t.createdAt,
      closedAt: t.closedAt,
    })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  await auditPersonRead(db, ctx, reviewer, person, "staff.person-view");
  return { person, archive, history, ce, transfers };
}

/** Someone not in the staff member's region, or nobody: the same answer either way. */
export const PERSON_NOT_FOUND = "未找到该会计人员，或其不属于您管辖的行政区划";

/**
 * 显示完整证件号码: one person's number decrypted for a staff member of their region, on the audit
 * record with the person and region — also when refused (outside the region), since trying is
 * what an investigation wants to see. The number goes to that one answer, never to a log or URL.
 */
export async function revealIdNumber(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  personId: string,
): Promise<{ ok: true; idNumber: string } | { ok: false; reason?: "role"; message: string }> {
  if (!holdsAny(reviewer, ["archive-read"])) return ROLE_REFUSAL;
  const row = isUuid(personId)
    ? await db.person.findUnique({
        where: { id: personId },
        select: { regionCode: true, idNumberCipher: true },
      })
    : null;
  const found = row && regionWithin(row.regionCode, reviewer.regionCodes) ? row : null;
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "staff.id-reveal",
      outcome: found ? "success" : "denied",
      regionCode: found?.regionCode ?? null,
      targetType: isUuid(personId) ? "person" : undefined,
      targetId: isUuid(personId) ? personId : undefined,
    }),
  );
  if (!found) return { ok: false, message: PERSON_NOT_FOUND };
  return { ok: true, idNumber: decryptField(found.idNumberCipher) };
}
