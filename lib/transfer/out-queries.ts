import "server-only";
import { holdsAny, type StaffActor } from "@/lib/codes/staff-roles";
import type { RequestContext } from "@/lib/audit/audit";
import { EMPTY_QUEUE, type QueuePage, queuePage } from "@/lib/console/queue-page";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import { regionName } from "@/lib/region/divisions";
import { regionScopeWhere } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { destinationName } from "./destination";
import { OUT_TRANSFER_STATES, type OutTransferState } from "./out-states";
import { auditStaffView, type TransferFilter } from "./queue";

// 调转审核 (console): the 调出申请 of the staff member's region — 待审核 oldest first (the
// automatic review decides them at their due time; staff may decide earlier), the others newest
// first — and one application with its 调转附件. Bounded by TransferOut.regionCode (the person's
// region when applying), an index range.

export const OUT_FILTER_LABELS: Record<TransferFilter, string> = {
  pending: "待审核",
  approved: "已报送全国平台",
  closed: "已办结",
};
const FILTER_STATES: Record<TransferFilter, OutTransferState[]> = {
  pending: ["pending"],
  approved: ["approved", "withdrawing"],
  closed: ["rejected", "withdrawn", "returned", "refused", "transferred"],
};

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
  filter: TransferFilter,
  after?: string | null,
): Promise<QueuePage<OutRow>> {
  // 调转审核 only: any other role sees an empty list
  if (!holdsAny(scope, ["transfer-review"])) return EMPTY_QUEUE;
  const where: Prisma.TransferOutWhereInput = {
    ...regionScopeWhere(scope),
    state: { in: FILTER_STATES[filter] },
  };
  return queuePage({
    by: "createdAt",
    oldestFirst: filter === "pending",
    after,
    find: (page) => db.transferOut.findMany({ where, select: ROW_SELECT, ...page }),
    count: () => db.transferOut.count({ where }),
    row: outRow,
  });
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
  await auditStaffView(db, ctx, scope.staffId, {
    type: "transfer-out",
    id,
    regionCode: r.regionCode,
  });
  return { ...outRow(r), attachmentIds: r.attachments.map((a) => a.attachmentId) };
}
