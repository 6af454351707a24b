import "server-only";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/utils/uuid";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { idNumberIndex } from "@/lib/account/identifier";
import { PERSON_NOT_IN_SCOPE, type StaffScope } from "@/lib/region/scope";
import { changeHistory, type HistoryEntry } from "@/lib/change/change-service";
import { regionName } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";

// Finance staff find an accountant of their region by 证件号码 (the blind index: the number is
// never stored or logged in clear) and open that person's page by id — so ID numbers never travel
// in URLs, where access logs and browser history would keep them. Someone outside the staff
// member's region gets the very answer an unregistered number gets.

export type LookupResult = { ok: true; personId: string } | { ok: false; message: string };

export async function findPersonInScope(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffScope,
  idNumber: string,
): Promise<LookupResult> {
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
  reviewer: StaffScope,
  personId: string,
): Promise<StaffPersonView | null> {
  if (!isUuid(personId)) return null;
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
 * A person's 变更记录 as finance staff of their region see it — the accountant's own list. Reading
 * it is reading personal data (old and new values), so every read is on the audit record.
 */
export async function personHistoryForStaff(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffScope,
  personId: string,
): Promise<{ person: StaffPersonView; history: HistoryEntry[] } | null> {
  const person = await personForStaff(db, reviewer, personId);
  if (!person) return null;
  const history = await changeHistory(db, personId);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "staff.history-view",
      outcome: "success",
      regionCode: person.regionCode,
      targetType: "person",
      targetId: personId,
    }),
  );
  return { person, history };
}
