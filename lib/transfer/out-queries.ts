import "server-only";
import { holdsAny, type StaffActor } from "@/lib/codes/staff-roles";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { keysetArgs, keysetPage } from "@/lib/db/keyset";
import type { Prisma } from "@/lib/db/generated/client";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import { regionName } from "@/lib/region/divisions";
import { regionScopeWhere } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { destinationName } from "./destination";
import { OUT_TRANSFER_STATES, type OutTransferState } from "./out-states";

// 调转审核 (console): the 调出申请 of the staff member's region — 待审核 oldest first (the
// automatic review decides them at their due time; staff may decide earlier), the others newest
// first — and one application with its 调转附件. Bounded by TransferOut.regionCode (the person's
// region when applying), an index range.

const PAGE_SIZE = 20;
export const OUT_FILTERS = ["pending", "approved", "closed"] as const;
export type OutFilter = (typeof OUT_FILTERS)[number];
export const OUT_FILTER_LABELS: Record<OutFilter, string> = {
  pending: "待审核",
  approved: "已报送全国平台",
  closed: "已办结",
};
const FILTER_STATES: Record<OutFilter, OutTransferState[]> = {
  pending: ["pending"],
  approved: ["approved", "withdrawing"],
  closed: ["rejected", "withdrawn", "returned", "refused", "transferred"],
};

export function isOutFilter(v: unknown): v is OutFilter {
  return (OUT_FILTERS as readonly unknown[]).includes(v);
}

const ROW_SELECT = {
  id: true,
  regionCode: true,
  destMember: true,
  destRegionCode: true,
  state: true,
  hubState: true,
  reason: true,
  createdAt: true,
  reviewDueAt: true,
  reviewedAt: true,
  reviewedBy: true,
  reviewReason: true,
  refusalReason: true,
  personId: true,
  person: { select: { name: true, idNumberMasked: true } },
} satisfies Prisma.TransferOutSelect;

type Row = Prisma.TransferOutGetPayload<{ select: typeof ROW_SELECT }>;

export interface OutRow {
  id: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  regionName: string;
  destination: string;
  state: OutTransferState;
  stateLabel: string;
  hubStateLabel: string | null;
  reason: string;
  createdAt: Date;
  reviewDueAt: Date;
  reviewedAt: Date | null;
  /** 系统自动审核 when no staff member decided */
  reviewedByStaff: boolean;
  reviewReason: string | null;
  /** 全国平台未接收：… (state "refused") */
  refusalReason: string | null;
}

function outRow(r: Row): OutRow {
  const state = r.state as OutTransferState;
  return {
    id: r.id,
    personId: r.personId,
    personName: r.person.name,
    idNumberMasked: r.person.idNumberMasked,
    regionName: regionName(r.regionCode) ?? r.regionCode,
    destination: destinationName(r.destMember, r.destRegionCode),
    state,
    stateLabel: OUT_TRANSFER_STATES.label(state) ?? r.state,
    hubStateLabel: r.hubState ? (HUB_TRANSFER_STATES.label(r.hubState) ?? null) : null,
    reason: r.reason,
    createdAt: r.createdAt,
    reviewDueAt: r.reviewDueAt,
    reviewedAt: r.reviewedAt,
    reviewedByStaff: r.reviewedBy !== null,
    reviewReason: r.reviewReason,
    refusalReason: r.refusalReason,
  };
}

export async function outApplicationsForStaff(
  db: Db,
  scope: StaffActor,
  filter: OutFilter,
  after?: string | null,
): Promise<{ rows: OutRow[]; total: number; nextCursor: string | null }> {
  // 调转审核 only: any other role sees an empty list
  if (!holdsAny(scope, ["transfer-review"])) return { rows: [], total: 0, nextCursor: null };
  const where: Prisma.TransferOutWhereInput = {
    ...regionScopeWhere(scope),
    state: { in: FILTER_STATES[filter] },
  };
  const order: Prisma.SortOrder = filter === "pending" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db.transferOut.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ createdAt: order }, { id: order }],
      ...keysetArgs(after, PAGE_SIZE, isUuid),
    }),
    db.transferOut.count({ where }),
  ]);
  const page = keysetPage(rows, PAGE_SIZE);
  return { rows: page.rows.map(outRow), total, nextCursor: page.nextCursor };
}

/**
 * One application of the staff member's region with its 调转附件, or null. Reading it is reading
 * personal data, so every read is on the audit record.
 */
export async function outApplicationForStaff(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  id: string,
): Promise<(OutRow & { attachmentIds: string[] }) | null> {
  if (!isUuid(id) || !holdsAny(scope, ["transfer-review"])) return null;
  const r = await db.transferOut.findFirst({
    where: { id, ...regionScopeWhere(scope) },
    select: {
      ...ROW_SELECT,
      attachments: { orderBy: { position: "asc" }, select: { attachmentId: true } },
    },
  });
  if (!r) return null;
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "transfer.staff-view",
      outcome: "success",
      regionCode: r.regionCode,
      targetType: "transfer-out",
      targetId: id,
    }),
  );
  return { ...outRow(r), attachmentIds: r.attachments.map((a) => a.attachmentId) };
}
