import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { maskIdNumber } from "@/lib/identity/mask";
import { regionName } from "@/lib/region/divisions";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { regionScopePrefix, type StaffScope } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { actionLabel } from "./action-groups";
import { type RequestContext, writeAudit } from "./audit";
import {
  type AuditFilter,
  type FilterField,
  OUTCOME_LABELS,
  TARGET_TYPE_LABELS,
} from "./audit-filter";

// 操作日志 (role audit-read): the audit rows of the staff member's region, newest first, 50 to a
// page, keyset-paginated on (at, id) — the AuditEvent_at_id_idx index read backwards, never OFFSET.
//
// Which rows a staff member sees: those whose regionCode lies in their scope (their office's
// region and below, never a sibling's or the parent's). Rows with no region — anonymous failures
// (a wrong password for an unknown account), the system's jobs, a lookup that found nobody — belong
// to no county or city: only province-level staff (a scope of the whole province) see them.
//
// Reading the log is itself on record: one audit.read row per page with the filter as ids (the
// actor resolved to its id, never a typed name or number) and no row content.

export const AUDIT_PAGE_SIZE = 50;

export const REGION_OUTSIDE_SCOPE = "该行政区划不在您的管辖范围内";
export const NO_SUCH_STAFF = "没有该登录名的工作人员";

export interface AuditListRow {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  actionLabel: string;
  outcome: string;
  outcomeLabel: string;
  /** "调出申请 0193…" or null */
  target: string | null;
  regionCode: string | null;
  regionName: string | null;
  ip: string | null;
  /** The details object as key/value text (values of other types as JSON). */
  details: [string, string][];
}

export type AuditList =
  | { ok: true; rows: AuditListRow[]; nextCursor: string | null }
  | { ok: false; field: FilterField; message: string }
  | typeof ROLE_REFUSAL;

/** "<at ms>-<id>": the last row of a page; the next page starts strictly after it. */
function cursorOf(row: { at: Date; id: bigint }): string {
  return `${row.at.getTime()}-${row.id}`;
}

function parseCursor(after: string | null | undefined): { at: Date; id: bigint } | null {
  const m = after ? /^(\d{1,15})-(\d{1,18})$/.exec(after) : null;
  return m ? { at: new Date(Number(m[1])), id: BigInt(m[2]!) } : null;
}

function scopePrefixes(scope: StaffScope): string[] {
  return scope.regionCodes.map(regionScopePrefix).filter((p): p is string => p !== null);
}

/** The office's own 6-digit code for the audit.read row ("4401" → "440100"). */
function officeCode(prefixes: readonly string[]): string | null {
  return prefixes[0]?.padEnd(6, "0") ?? null;
}

type Refusal = Extract<AuditList, { field: FilterField }>;

async function filterWhere(
  db: Db,
  prefixes: readonly string[],
  filter: AuditFilter,
): Promise<Prisma.AuditEventWhereInput[] | Refusal> {
  const and: Prisma.AuditEventWhereInput[] = [];
  const regionScope: Prisma.AuditEventWhereInput[] = prefixes.map((p) => ({
    regionCode: { startsWith: p },
  }));
  if (prefixes.some((p) => p.length === 2)) regionScope.push({ regionCode: null });
  and.push({ OR: regionScope });

  if (filter.region) {
    const r = regionScopePrefix(filter.region);
    if (r === null || !prefixes.some((p) => r.startsWith(p)))
      return { ok: false, field: "region", message: REGION_OUTSIDE_SCOPE };
    and.push({ regionCode: { startsWith: r } });
  }
  if (filter.actor?.kind === "staff-username") {
    // An account outside the scope answers exactly like a 登录名 nobody has, after the same one
    // query: the filter is no way to learn which usernames exist in a sibling's office.
    const staff = await db.staff.findUnique({
      where: { username: filter.actor.username },
      select: { id: true, regionCode: true },
    });
    const own = staff ? regionScopePrefix(staff.regionCode) : null;
    if (!staff || own === null || !prefixes.some((p) => own.startsWith(p)))
      return { ok: false, field: "actor", message: NO_SUCH_STAFF };
    and.push({ actorType: "staff", actorId: staff.id });
  } else if (filter.actor?.kind === "person") {
    and.push({ actorType: "person", actorId: filter.actor.id });
  }
  if (filter.actions) and.push({ action: { in: filter.actions } });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.to) and.push({ at: { lt: filter.to } });
  if (filter.targetType) and.push({ targetType: filter.targetType });
  if (filter.targetId) and.push({ targetId: filter.targetId });
  return and;
}

/** The filter as the audit.read row keeps it: ids, codes and instants only. */
function filterDetails(where: Prisma.AuditEventWhereInput[], filter: AuditFilter, page: boolean) {
  const actor = where.find((w) => typeof w.actorId === "string");
  return {
    ...(actor ? { actorType: actor.actorType as string, actorId: actor.actorId as string } : {}),
    ...(filter.actions ? { actions: filter.actions.join(",") } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from ? { from: filter.from.toISOString() } : {}),
    ...(filter.to ? { to: filter.to.toISOString() } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.region ? { region: filter.region } : {}),
    ...(page ? { nextPage: true } : {}),
  };
}

export async function auditRowsForStaff(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  filter: AuditFilter,
  after?: string | null,
): Promise<AuditList> {
  if (!holdsAny(scope, ["audit-read"])) return ROLE_REFUSAL;
  const prefixes = scopePrefixes(scope);
  if (prefixes.length === 0) return { ok: true, rows: [], nextCursor: null };
  const where = await filterWhere(db, prefixes, filter);
  const read = (outcome: "success" | "denied", details: Prisma.InputJsonObject) =>
    db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        actorType: "staff",
        actorId: scope.staffId,
        action: "audit.read",
        outcome,
        regionCode: officeCode(prefixes),
        details,
      }),
    );
  if (!Array.isArray(where)) {
    // Asking for another region's log is an attempt worth keeping; a mistyped 登录名 is not.
    if (where.field === "region") await read("denied", { region: filter.region ?? null });
    return where;
  }
  const cursor = parseCursor(after);
  const page = cursor
    ? [{ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }]
    : [];
  const rows = await db.auditEvent.findMany({
    where: { AND: [...where, ...page] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  await read("success", filterDetails(where, filter, cursor !== null));
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const actors = await actorLabels(db, shown);
  return {
    ok: true,
    rows: shown.map((r) => listRow(r, actors)),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? cursorOf(shown[shown.length - 1]!) : null,
  };
}

type AuditEventRow = Prisma.AuditEventGetPayload<object>;

/** Who each row's actor is, in one query per kind: staff by name and 登录名, people masked. */
async function actorLabels(db: Db, rows: AuditEventRow[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(
      rows.filter((r) => r.actorType === type && isUuid(r.actorId)).map((r) => r.actorId!),
    ),
  ];
  const [staff, people] = await Promise.all([
    db.staff.findMany({
      where: { id: { in: ids("staff") } },
      select: { id: true, name: true, username: true },
    }),
    db.person.findMany({
      where: { id: { in: ids("person") } },
      select: { id: true, idNumberMasked: true },
    }),
  ]);
  return new Map([
    ...staff.map((s) => [`staff:${s.id}`, `${s.name}（${s.username}）`] as const),
    ...people.map((p) => [`person:${p.id}`, `会计人员 ${p.idNumberMasked}`] as const),
  ]);
}

const ACTOR_TYPE_LABELS: Record<string, string> = {
  staff: "工作人员",
  person: "会计人员",
  system: "系统",
  anonymous: "匿名",
};

function actorLabel(r: AuditEventRow, actors: Map<string, string>): string {
  const type = ACTOR_TYPE_LABELS[r.actorType] ?? r.actorType;
  if (!r.actorId) return type;
  return actors.get(`${r.actorType}:${r.actorId}`) ?? `${type} ${r.actorId}`;
}

// Rows written before issue 12 hold the old mask (4401**********123X: the last 4 shown); the log
// is append-only, so the reading narrows them — masking a mask again gives today's form, which
// shows only characters the old one did (lib/identity/mask.ts).
function detailPairs(details: Prisma.JsonValue): [string, string][] {
  if (details === null) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [["", JSON.stringify(details)]];
  return Object.entries(details).map(([k, v]) => [
    k,
    typeof v !== "string" ? JSON.stringify(v) : k === "idNumber" ? maskIdNumber(v) : v,
  ]);
}

function listRow(r: AuditEventRow, actors: Map<string, string>): AuditListRow {
  const targetType = r.targetType ? (TARGET_TYPE_LABELS[r.targetType] ?? r.targetType) : null;
  return {
    id: String(r.id),
    at: r.at,
    actorLabel: actorLabel(r, actors),
    action: r.action,
    actionLabel: actionLabel(r.action),
    outcome: r.outcome,
    outcomeLabel: (OUTCOME_LABELS as Record<string, string>)[r.outcome] ?? r.outcome,
    target: targetType ? [targetType, r.targetId].filter(Boolean).join(" ") : r.targetId,
    regionCode: r.regionCode,
    regionName: r.regionCode ? (regionName(r.regionCode) ?? r.regionCode) : null,
    ip: r.ip,
    details: detailPairs(r.details),
  };
}
