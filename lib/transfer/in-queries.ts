import "server-only";
import { holdsAny, type StaffActor } from "@/lib/codes/staff-roles";
import type { RequestContext } from "@/lib/audit/audit";
import { EMPTY_QUEUE, type QueuePage, queuePage } from "@/lib/console/queue-page";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { regionName } from "@/lib/region/divisions";
import { regionScopeWhere } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { IN_TRANSFER_STATES, type InTransferState } from "./in-states";
import { auditStaffView, type TransferFilter } from "./queue";

// 调入审核 (console): the 调入申请 to the staff member's counties — 待审核 oldest first, then those
// awaiting the exchange's confirmation and those closed. Bounded by TransferIn.regionCode.

export const IN_FILTER_LABELS: Record<TransferFilter, string> = {
  pending: "待审核",
  approved: "待全国平台确认",
  closed: "已办结",
};
const FILTER_STATES: Record<TransferFilter, InTransferState[]> = {
  pending: ["pending"],
  approved: ["approved"],
  closed: ["rejected", "received", "cancelled"],
};

const ROW_SELECT = {
  id: true,
  regionCode: true,
  originRegionName: true,
  state: true,
  createdAt: true,
  submittedAt: true,
  reviewDueAt: true,
  reviewedAt: true,
  reviewedBy: true,
  reviewReason: true,
  fileImportedAt: true,
  person: { select: { name: true, idNumberMasked: true, archive: { select: { id: true } } } },
} satisfies Prisma.TransferInSelect;

type Row = Prisma.TransferInGetPayload<{ select: typeof ROW_SELECT }>;

export interface InRow {
  id: string;
  personName: string;
  idNumberMasked: string;
  destination: string;
  from: string;
  state: InTransferState;
  stateLabel: string;
  createdAt: Date;
  submittedAt: Date;
  reviewDueAt: Date;
  reviewedAt: Date | null;
  reviewedByStaff: boolean;
  reviewReason: string | null;
  imported: boolean;
  /** the person has an archive here: the file went into it, or they have submitted since */
  collected: boolean;
}

function inRow(r: Row): InRow {
  const state = r.state as InTransferState;
  return {
    id: r.id,
    personName: r.person.name,
    idNumberMasked: r.person.idNumberMasked,
    destination: regionName(r.regionCode) ?? r.regionCode,
    from: r.originRegionName,
    state,
    stateLabel: IN_TRANSFER_STATES.label(state) ?? r.state,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    reviewDueAt: r.reviewDueAt,
    reviewedAt: r.reviewedAt,
    reviewedByStaff: r.reviewedBy !== null,
    reviewReason: r.reviewReason,
    imported: r.fileImportedAt !== null,
    collected: r.person.archive !== null,
  };
}

export async function inApplicationsForStaff(
  db: Db,
  scope: StaffActor,
  filter: TransferFilter,
  after?: string | null,
): Promise<QueuePage<InRow>> {
  // 调转审核 only: any other role sees an empty list
  if (!holdsAny(scope, ["transfer-review"])) return EMPTY_QUEUE;
  const where: Prisma.TransferInWhereInput = {
    ...regionScopeWhere(scope),
    state: { in: FILTER_STATES[filter] },
  };
  return queuePage({
    by: "createdAt",
    oldestFirst: filter === "pending",
    after,
    find: (page) => db.transferIn.findMany({ where, select: ROW_SELECT, ...page }),
    count: () => db.transferIn.count({ where }),
    row: inRow,
  });
}

/** One 调入申请 of the staff member's counties, or null; every read is audited. */
export async function inApplicationForStaff(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  id: string,
): Promise<InRow | null> {
  if (!isUuid(id) || !holdsAny(scope, ["transfer-review"])) return null;
  const r = await db.transferIn.findFirst({
    where: { id, ...regionScopeWhere(scope) },
    select: ROW_SELECT,
  });
  if (!r) return null;
  await auditStaffView(db, ctx, scope.staffId, {
    type: "transfer-in",
    id,
    regionCode: r.regionCode,
  });
  return inRow(r);
}
