import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { keysetArgs, keysetPage } from "@/lib/db/keyset";
import { holdsAny, type StaffActor } from "@/lib/codes/staff-roles";
import { regionName } from "@/lib/region/divisions";
import { regionScopeWhere } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import type { ReviewState } from "./appeal-rules";

// 账号申诉 审核's queue: the appeals of accounts in the reviewer's region (the account's region now:
// 信息变更, 采集 and 调入 move it, and the appeal goes with it) in one state — 待审核 oldest first, decided newest first.

const PAGE_SIZE = 20;

export interface AppealRow {
  id: string;
  appealNumber: string;
  name: string;
  idNumberMasked: string;
  regionName: string;
  submittedAt: Date;
  decidedAt: Date | null;
}

export interface AppealPage {
  rows: AppealRow[];
  total: number;
  nextCursor: string | null;
}

export async function appealsForReview(
  db: Db,
  reviewer: StaffActor,
  state: ReviewState,
  after?: string | null,
): Promise<AppealPage> {
  if (!holdsAny(reviewer, ["identity-review"])) return { rows: [], total: 0, nextCursor: null };
  const where: Prisma.AccountAppealWhereInput = { person: regionScopeWhere(reviewer), state };
  const order: Prisma.SortOrder = state === "pending" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db.accountAppeal.findMany({
      where,
      select: {
        id: true,
        appealNumber: true,
        name: true,
        idNumberMasked: true,
        person: { select: { regionCode: true } },
        submittedAt: true,
        decidedAt: true,
      },
      orderBy: [{ submittedAt: order }, { id: order }],
      ...keysetArgs(after, PAGE_SIZE, isUuid),
    }),
    db.accountAppeal.count({ where }),
  ]);
  const page = keysetPage(rows, PAGE_SIZE);
  return {
    rows: page.rows.map((r) => ({
      id: r.id,
      appealNumber: r.appealNumber ?? "",
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      regionName: regionName(r.person.regionCode) ?? r.person.regionCode,
      submittedAt: r.submittedAt ?? new Date(0),
      decidedAt: r.decidedAt,
    })),
    total,
    nextCursor: page.nextCursor,
  };
}
