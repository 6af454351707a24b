import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import type { Db, Tx } from "@/lib/db/client";
import type { Refusal } from "@/lib/db/refusal";
import { invalidRefusal } from "@/lib/http/action-result";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { regionName } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";
import { financeOfficeName } from "@/lib/staff/office";
import { contactOffices, keepsContact } from "./contact-offices";
import type { FinanceContact } from "./finance-contacts";
import { financeContactSchema } from "./schemas/finance-contact";

// 财政部门联系方式 as a 管理员 (staff-admin) keeps them: their own office's and those of the
// offices below it, never a sibling's or an upper office's (one outside reads like not found).
// Every change is audited as contact.update in its transaction.

export interface KeptContact extends FinanceContact {
  updatedAt: Date;
}

export interface KeptOffice {
  regionCode: string;
  /** The name the office goes by until it saves its own, e.g. "广州市财政局". */
  defaultName: string;
  contact: KeptContact | null;
}

export interface KeptOfficeGroup {
  label: string;
  offices: KeptOffice[];
}

export interface ContactForEdit extends KeptOffice {
  /** "广东省 广州市". */
  regionName: string;
}

export type SaveContactResult =
  { ok: true; changed: boolean } | Refusal<"invalid" | "not-found" | "role">;

export type RemoveContactResult = { ok: true; removed: boolean } | Refusal<"not-found" | "role">;

export const CONTACT_NOT_FOUND = "没有找到该财政部门，或不在您的管辖范围内";

const KEPT_FIELDS = {
  regionCode: true,
  officeName: true,
  phone: true,
  address: true,
  hours: true,
  updatedAt: true,
} as const;

/** The offices the staff member keeps, by city, each with its contact or null (未设置). */
export async function keptContacts(db: Db, actor: StaffActor): Promise<KeptOfficeGroup[] | null> {
  if (!holdsAny(actor, ["staff-admin"])) return null;
  const groups = contactOffices(getJurisdiction())
    .map((g) => ({
      ...g,
      offices: g.offices.filter((o) => regionWithin(o.code, actor.regionCodes)),
    }))
    .filter((g) => g.offices.length > 0);
  const rows = await db.financeOfficeContact.findMany({
    where: { regionCode: { in: groups.flatMap((g) => g.offices.map((o) => o.code)) } },
    select: KEPT_FIELDS,
  });
  const byCode = new Map(rows.map((r) => [r.regionCode, r]));
  return groups.map((g) => ({
    label: g.label,
    offices: g.offices.map((o) => ({
      regionCode: o.code,
      defaultName: o.name,
      contact: byCode.get(o.code) ?? null,
    })),
  }));
}

/** One office's contact for the form, or null: no role, or not an office the actor keeps. */
export async function contactForEdit(
  db: Db,
  actor: StaffActor,
  regionCode: string,
): Promise<ContactForEdit | null> {
  if (!holdsAny(actor, ["staff-admin"])) return null;
  if (!keepsContact(actor.regionCodes, regionCode, getJurisdiction())) return null;
  const contact = await db.financeOfficeContact.findUnique({
    where: { regionCode },
    select: KEPT_FIELDS,
  });
  return {
    regionCode,
    regionName: regionName(regionCode) ?? regionCode,
    defaultName: financeOfficeName(regionCode),
    contact,
  };
}

/** 保存: the office's contact, created or replaced; unchanged input writes nothing. */
export async function saveFinanceContact(
  db: Db,
  ctx: RequestContext,
  actor: StaffActor,
  input: unknown,
): Promise<SaveContactResult> {
  if (!holdsAny(actor, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = financeContactSchema.safeParse(input);
  if (!parsed.success) return invalidRefusal(parsed.error.issues);
  const { regionCode, officeName, phone, address, hours } = parsed.data;
  if (!keepsContact(actor.regionCodes, regionCode, getJurisdiction())) {
    return { ok: false, reason: "not-found", message: CONTACT_NOT_FOUND };
  }
  const data = { officeName, phone, address, hours };
  return db.$transaction(async (tx): Promise<SaveContactResult> => {
    const before = await tx.financeOfficeContact.findUnique({
      where: { regionCode },
      select: { officeName: true, phone: true, address: true, hours: true },
    });
    const same =
      before !== null &&
      (Object.keys(data) as (keyof typeof data)[]).every((k) => before[k] === data[k]);
    if (same) return { ok: true, changed: false };
    await tx.financeOfficeContact.upsert({
      where: { regionCode },
      create: { regionCode, ...data, updatedBy: actor.staffId },
      update: { ...data, updatedBy: actor.staffId },
    });
    await auditContact(tx, ctx, actor, regionCode, {
      op: before ? "update" : "create",
      fields: before
        ? (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k])
        : [],
    });
    return { ok: true, changed: true };
  });
}

/**
 * 删除: the office's contact goes (an office merged away, a number no longer answered) and the
 * 帮助 page stops showing it until one is saved again. Removing one that is not there writes
 * nothing.
 */
export async function removeFinanceContact(
  db: Db,
  ctx: RequestContext,
  actor: StaffActor,
  regionCode: string,
): Promise<RemoveContactResult> {
  if (!holdsAny(actor, ["staff-admin"])) return ROLE_REFUSAL;
  if (!keepsContact(actor.regionCodes, regionCode, getJurisdiction())) {
    return { ok: false, reason: "not-found", message: CONTACT_NOT_FOUND };
  }
  return db.$transaction(async (tx): Promise<RemoveContactResult> => {
    const { count } = await tx.financeOfficeContact.deleteMany({ where: { regionCode } });
    if (count === 0) return { ok: true, removed: false };
    await auditContact(tx, ctx, actor, regionCode, { op: "remove", fields: [] });
    return { ok: true, removed: true };
  });
}

/** contact.update: what was done to the office's contact (create, update, remove) and which fields. */
function auditContact(
  tx: Tx,
  ctx: RequestContext,
  actor: StaffActor,
  regionCode: string,
  details: { op: "create" | "update" | "remove"; fields: string[] },
) {
  return writeAudit(tx, ctx, {
    actorType: "staff",
    actorId: actor.staffId,
    action: "contact.update",
    outcome: "success",
    regionCode,
    targetType: "finance-contact",
    targetId: regionCode,
    details,
  });
}
