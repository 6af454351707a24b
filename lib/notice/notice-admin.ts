import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import type { AuditAction } from "@/lib/audit/actions";
import type { Db, Tx } from "@/lib/db/client";
import { type Refusal, fieldRefusal, refusableTransaction } from "@/lib/db/refusal";
import { invalidRefusal } from "@/lib/http/action-result";
import { ownRegionCode, regionScopeWhere, type StaffScope } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { type NoticeOp, type NoticeStatus, nextStatus } from "./notice-states";
import {
  beijingMinute,
  noticeIdSchema,
  noticePublishSchema,
  noticeSaveSchema,
} from "./notice-schema";
import { noticeBodyToHtml } from "./sanitise";

// 通知公告 as finance staff manage them (role staff-admin): a member of staff writes notices for
// their own region and acts on those of their region and below — a province's administrators on
// a city's notice too, a city's never on the province's or a sibling city's. Every change is
// audited in its transaction; the portal reads published ones through lib/notice/notices.ts.

export const NOTICE_NOT_FOUND = "该公告不存在或不在您管辖的行政区划内";
export const NOTICE_STALE = "该公告的状态已经变化，页面已刷新";
export const NOTICE_EMPTY_BODY = "正文没有可显示的内容（只允许段落、加粗、列表、标题、链接和表格）";
export const PUBLISH_TIME_PAST = "定时发布的时间应晚于现在";
export const PUBLISH_TIME_FAR = "定时发布的时间不能晚于一年之后";

const OP_REFUSED: Record<NoticeOp, string> = {
  edit: "已撤回的公告不能修改，如需再次发布请新建公告",
  publish: "该公告已经发布",
  withdraw: "只有已发布的公告可以撤回",
};

export const NOTICE_PAGE_SIZE = 50;
const YEAR_MS = 366 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NoticeListRow {
  id: string;
  title: string;
  regionCode: string;
  status: string;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  updatedAt: Date;
}

export interface NoticeForEdit extends NoticeListRow {
  /** Sanitised HTML, or plain text for a notice from before the editor. */
  body: string;
}

// An op the state table forbids is "stale" too: the console offers only allowed ones, so the page
// showed an older state (someone else published or withdrew it meanwhile) and is read again.
type NoticeRefusal = Refusal<"invalid" | "not-found" | "stale" | "role">;
export type NoticeResult = { ok: true; id: string; status: NoticeStatus } | NoticeRefusal;

const LIST_SELECT = {
  id: true,
  title: true,
  regionCode: true,
  status: true,
  publishedAt: true,
  withdrawnAt: true,
  updatedAt: true,
} as const;

/** The notices of the staff member's region and below, newest change first, a page at a time. */
export async function listNotices(
  db: Db,
  scope: StaffActor,
  filter: { status?: NoticeStatus; page?: number } = {},
): Promise<{ rows: NoticeListRow[]; total: number }> {
  if (!holdsAny(scope, ["staff-admin"])) return { rows: [], total: 0 };
  const where = { ...regionScopeWhere(scope), ...(filter.status ? { status: filter.status } : {}) };
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [rows, total] = await Promise.all([
    db.notice.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTICE_PAGE_SIZE,
      take: NOTICE_PAGE_SIZE,
      select: LIST_SELECT,
    }),
    db.notice.count({ where }),
  ]);
  return { rows, total };
}

/** One notice within the staff member's region, or null (outside it looks like missing). */
export async function noticeForEdit(
  db: Db | Tx,
  scope: StaffActor,
  id: string,
): Promise<NoticeForEdit | null> {
  if (!UUID.test(id) || !holdsAny(scope, ["staff-admin"])) return null;
  return db.notice.findFirst({
    where: { id, ...regionScopeWhere(scope) },
    select: { ...LIST_SELECT, body: true },
  });
}

const notFound = (): NoticeRefusal => ({
  ok: false,
  reason: "not-found",
  message: NOTICE_NOT_FOUND,
});

function auditEntry(
  scope: StaffScope,
  action: AuditAction,
  notice: { id: string; regionCode: string },
  details: Record<string, string | boolean | null>,
) {
  return {
    actorType: "staff",
    actorId: scope.staffId,
    action,
    outcome: "success",
    regionCode: notice.regionCode,
    targetType: "notice",
    targetId: notice.id,
    details,
  } as const;
}

/** 保存: a new draft (no id) or a change of a draft or published notice; the body sanitised. */
export async function saveNotice(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  input: unknown,
): Promise<NoticeResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = noticeSaveSchema.safeParse(input);
  if (!parsed.success) return invalidRefusal(parsed.error.issues);
  const { id, title } = parsed.data;
  const body = noticeBodyToHtml(parsed.data.body);
  // What is left once the tags are gone is what readers see: nothing there, nothing to publish.
  if (body.replace(/<[^>]*>/g, "").trim() === "") {
    return fieldRefusal("invalid", "body", NOTICE_EMPTY_BODY);
  }

  if (id === undefined) {
    const regionCode = ownRegionCode(scope);
    if (!regionCode) return notFound();
    return db.$transaction(async (tx) => {
      const created = await tx.notice.create({
        data: {
          title,
          body,
          regionCode,
          status: "draft",
          publishedAt: null,
          createdBy: scope.staffId,
          updatedBy: scope.staffId,
        },
        select: { id: true, regionCode: true },
      });
      await writeAudit(tx, ctx, auditEntry(scope, "notice.create", created, { status: "draft" }));
      return { ok: true, id: created.id, status: "draft" } as const;
    });
  }

  return transition(db, ctx, scope, id, "edit", "notice.update", {
    data: { title, body },
    details: {},
  });
}

/** 发布: at once, or at a later Beijing time (the portal shows it from then on). */
export async function publishNotice(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  input: unknown,
  now = new Date(),
): Promise<NoticeResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = noticePublishSchema.safeParse(input);
  if (!parsed.success) return invalidRefusal(parsed.error.issues);
  const { id, at } = parsed.data;
  const publishedAt = at === "" ? now : beijingMinute(at);
  if (!publishedAt) return fieldRefusal("invalid", "at", "请选择正确的发布时间");
  if (at !== "" && publishedAt <= now) return fieldRefusal("invalid", "at", PUBLISH_TIME_PAST);
  if (publishedAt.getTime() - now.getTime() > YEAR_MS) {
    return fieldRefusal("invalid", "at", PUBLISH_TIME_FAR);
  }
  return transition(db, ctx, scope, id, "publish", "notice.publish", {
    data: { publishedAt },
    details: { publishedAt: publishedAt.toISOString(), scheduled: at !== "" },
  });
}

/** 撤回: the portal stops showing it; the row stays, as it was, for the record. */
export async function withdrawNotice(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  input: unknown,
  now = new Date(),
): Promise<NoticeResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = noticeIdSchema.safeParse(input);
  if (!parsed.success) return notFound();
  return transition(db, ctx, scope, parsed.data.id, "withdraw", "notice.withdraw", {
    data: { withdrawnAt: now },
    details: {},
  });
}

/**
 * Applies `op` to a notice within the scope: "stale" when the state table forbids it or another
 * change got there first (the update is conditional on what was read).
 */
function transition(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  id: string,
  op: NoticeOp,
  action: AuditAction,
  change: {
    data: { title?: string; body?: string; publishedAt?: Date; withdrawnAt?: Date };
    details: Record<string, string | boolean>;
  },
): Promise<NoticeResult> {
  return refusableTransaction<NoticeResult>(db, async (tx, refuse) => {
    const notice = await noticeForEdit(tx, scope, id);
    if (!notice) return refuse(notFound());
    const status = nextStatus(notice.status, op);
    if (!status) return refuse({ ok: false, reason: "stale", message: OP_REFUSED[op] });
    const { data, details } = change;
    const updated = await tx.notice.updateMany({
      where: { id, status: notice.status, updatedAt: notice.updatedAt },
      data: { ...data, status, updatedBy: scope.staffId },
    });
    if (updated.count !== 1) return refuse({ ok: false, reason: "stale", message: NOTICE_STALE });
    await writeAudit(
      tx,
      ctx,
      auditEntry(scope, action, notice, { from: notice.status, status, ...details }),
    );
    return { ok: true, id, status };
  });
}
