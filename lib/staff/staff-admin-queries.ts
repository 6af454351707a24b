import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { keysetArgs, keysetPage } from "@/lib/db/keyset";
import { regionScopeWhere } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { financeOfficeName } from "./office";
import { hasRole, STAFF_ROLES } from "@/lib/codes/staff-roles";
import {
  reachOf,
  type Reach,
  type StaffAdmin,
  type StaffStatus,
  staffStatus,
} from "./staff-admin-rules";
import { normalizeUsername } from "./staff-fields";

// 用户管理's reads: the accounts of the 管理员's offices (their own and those below), never one
// outside, whatever the filter asks. Staff accounts number in the hundreds to a few thousand, so
// the list is (regionCode, username) ordered with keyset pages, over the Staff.regionCode index.

export const STAFF_PAGE_SIZE = 30;

export interface StaffListFilter {
  /** an office code within the 管理员's: that office and those below it */
  region?: string | null;
  status?: StaffStatus | null;
  /** 登录名 (its beginning) or 姓名 (any part) */
  q?: string | null;
  after?: string | null;
}

export interface StaffAccountRow {
  id: string;
  username: string;
  name: string;
  regionCode: string;
  officeName: string;
  roleLabels: string[];
  status: StaffStatus;
  lastLoginAt: Date | null;
}

const STATUS_WHERE: Record<StaffStatus, Prisma.StaffWhereInput> = {
  disabled: { disabledAt: { not: null } },
  "first-login": { disabledAt: null, mustChangePassword: true },
  "no-totp": { disabledAt: null, mustChangePassword: false, totpEnrolledAt: null },
  active: { disabledAt: null, mustChangePassword: false, totpEnrolledAt: { not: null } },
};

const ROW_SELECT = {
  id: true,
  username: true,
  name: true,
  regionCode: true,
  roles: true,
  disabledAt: true,
  mustChangePassword: true,
  totpEnrolledAt: true,
  createdAt: true,
  // A session exists only once every sign-in step is done: its start is the last login.
  sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const satisfies Prisma.StaffSelect;

type Row = Prisma.StaffGetPayload<{ select: typeof ROW_SELECT }>;

function accountRow(r: Row): StaffAccountRow {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    regionCode: r.regionCode,
    officeName: financeOfficeName(r.regionCode),
    roleLabels: r.roles.map((c) => STAFF_ROLES.label(c) ?? c),
    status: staffStatus(r),
    lastLoginAt: r.sessions[0]?.createdAt ?? null,
  };
}

function searchWhere(q: string): Prisma.StaffWhereInput {
  const username = normalizeUsername(q);
  return {
    OR: [
      ...(username ? [{ username: { startsWith: username } }] : []),
      { name: { contains: q.trim() } },
    ],
  };
}

export async function staffAccountsPage(
  db: Db,
  admin: StaffAdmin,
  filter: StaffListFilter,
): Promise<{ rows: StaffAccountRow[]; total: number; nextCursor: string | null }> {
  if (!hasRole(admin, "staff-admin")) return { rows: [], total: 0, nextCursor: null };
  const q = filter.q?.trim().slice(0, 40);
  const where: Prisma.StaffWhereInput = {
    AND: [
      regionScopeWhere({ staffId: admin.staffId, regionCodes: [admin.regionCode] }),
      // A region outside the 管理员's leaves the intersection empty: no way round the scope.
      ...(filter.region
        ? [regionScopeWhere({ staffId: admin.staffId, regionCodes: [filter.region] })]
        : []),
      ...(filter.status ? [STATUS_WHERE[filter.status]] : []),
      ...(q ? [searchWhere(q)] : []),
    ],
  };
  const [rows, total] = await Promise.all([
    db.staff.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ regionCode: "asc" }, { username: "asc" }],
      ...keysetArgs(filter.after, STAFF_PAGE_SIZE, isUuid),
    }),
    db.staff.count({ where }),
  ]);
  const page = keysetPage(rows, STAFF_PAGE_SIZE);
  return { rows: page.rows.map(accountRow), total, nextCursor: page.nextCursor };
}

export interface StaffAccountDetail extends StaffAccountRow {
  roles: string[];
  createdAt: Date;
  /** "self": shown, but no action on it; a hidden account is never returned. */
  reach: Exclude<Reach, "hidden">;
}

/** One account for its page, or null when missing or outside the 管理员's offices. */
export async function staffAccountDetail(
  db: Db,
  admin: StaffAdmin,
  staffId: string,
): Promise<StaffAccountDetail | null> {
  if (!hasRole(admin, "staff-admin") || !isUuid(staffId)) return null;
  const r = await db.staff.findUnique({ where: { id: staffId }, select: ROW_SELECT });
  if (!r) return null;
  const reach = reachOf(admin, r);
  if (reach === "hidden") return null;
  return { ...accountRow(r), roles: r.roles, createdAt: r.createdAt, reach };
}
