import "server-only";
import type { Db } from "@/lib/db/client";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { keysetArgs, keysetPage } from "@/lib/db/keyset";
import { isUuid } from "@/lib/utils/uuid";
import type { Prisma } from "@/lib/db/generated/client";
import { regionName } from "@/lib/region/divisions";
import { regionScopeWhere } from "@/lib/region/scope";
import { type DetailLine, claimDetailLines } from "./claim-details";
import type { StaffScope } from "@/lib/region/scope";
import { type StaffActor, holdsAny } from "@/lib/codes/staff-roles";
import { CE_CATEGORIES, CLAIM_KINDS, CREDIT_KINDS } from "./credit-kinds";
import { CE_RECORD_STATES, type CeRecordState } from "@/lib/codes/ce-record-state";

// What finance staff read of 继续教育 records: the claims of their region to recognise or reject
// (oldest first, so nobody waits longest), those already decided (newest first), and one claim
// with what it said. Always bounded by the reviewer's region (CeCredit.regionCode, an index range).

const REVIEW_PAGE_SIZE = 20;
export const REVIEW_FILTERS = ["claimed", "recognised", "rejected"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export function isReviewFilter(v: unknown): v is ReviewFilter {
  return (REVIEW_FILTERS as readonly unknown[]).includes(v);
}

export interface ClaimRow {
  id: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  regionName: string;
  kindLabel: string;
  categoryLabel: string;
  title: string;
  year: number;
  credits: number;
  state: CeRecordState;
  stateLabel: string;
  createdAt: Date;
  reviewedAt: Date | null;
}

const ROW_SELECT = {
  id: true,
  personId: true,
  regionCode: true,
  kind: true,
  category: true,
  title: true,
  year: true,
  credits: true,
  state: true,
  createdAt: true,
  reviewedAt: true,
  person: { select: { name: true, idNumberMasked: true } },
} satisfies Prisma.CeCreditSelect;

type Row = Prisma.CeCreditGetPayload<{ select: typeof ROW_SELECT }>;

function claimRow(r: Row): ClaimRow {
  const state = r.state as CeRecordState;
  return {
    id: r.id,
    personId: r.personId,
    personName: r.person.name,
    idNumberMasked: r.person.idNumberMasked,
    regionName: regionName(r.regionCode) ?? r.regionCode,
    kindLabel: CREDIT_KINDS.label(r.kind) ?? r.kind,
    categoryLabel: CE_CATEGORIES.label(r.category) ?? r.category,
    title: r.title,
    year: r.year,
    credits: r.credits.toNumber(),
    state,
    stateLabel: CE_RECORD_STATES.label(state) ?? state,
    createdAt: r.createdAt,
    reviewedAt: r.reviewedAt,
  };
}

export interface ClaimPage {
  rows: ClaimRow[];
  total: number;
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** One page of the region's claims in a state; `after` is the previous page's nextCursor. */
export async function claimsForReview(
  db: Db,
  reviewer: StaffActor,
  filter: ReviewFilter,
  after?: string | null,
): Promise<ClaimPage> {
  if (!holdsAny(reviewer, ["ce-review"])) return { rows: [], total: 0, nextCursor: null };
  const where: Prisma.CeCreditWhereInput = {
    ...regionScopeWhere(reviewer),
    kind: { in: [...CLAIM_KINDS] },
    state: filter,
  };
  const order: Prisma.SortOrder = filter === "claimed" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db.ceCredit.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ createdAt: order }, { id: order }],
      ...keysetArgs(after, REVIEW_PAGE_SIZE, isUuid),
    }),
    db.ceCredit.count({ where }),
  ]);
  const page = keysetPage(rows, REVIEW_PAGE_SIZE);
  return { rows: page.rows.map(claimRow), total, nextCursor: page.nextCursor };
}

export interface ClaimReview extends ClaimRow {
  kind: string;
  details: DetailLine[];
  evidenceId: string | null;
  reviewReason: string | null;
}

/** One claim of the reviewer's region with what it said, or null (missing, elsewhere, a course). */
export async function claimForReview(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  id: string,
): Promise<ClaimReview | null> {
  if (!isUuid(id) || !holdsAny(reviewer, ["ce-review"])) return null;
  const r = await db.ceCredit.findFirst({
    where: { id, kind: { in: [...CLAIM_KINDS] }, ...regionScopeWhere(reviewer) },
    select: { ...ROW_SELECT, details: true, evidenceId: true, reviewReason: true },
  });
  if (!r) return null;
  // the claim's details and evidence are personal data: the read is on the record
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "ce.claim-view",
      outcome: "success",
      regionCode: r.regionCode,
      targetType: "ce-credit",
      targetId: id,
    }),
  );
  return {
    ...claimRow(r),
    kind: r.kind,
    details: claimDetailLines(r.kind, r.details),
    evidenceId: r.evidenceId,
    reviewReason: r.reviewReason,
  };
}

/** The console's start page: what waits for the reviewer's office. */
export async function pendingCounts(
  db: Db,
  reviewer: StaffScope,
): Promise<{ claims: number; enrolled: number }> {
  const scope = regionScopeWhere(reviewer);
  const [claims, enrolled] = await Promise.all([
    db.ceCredit.count({ where: { ...scope, state: "claimed" } }),
    db.ceCredit.count({ where: { ...scope, state: "enrolled" } }),
  ]);
  return { claims, enrolled };
}
