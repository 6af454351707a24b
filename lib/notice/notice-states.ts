// A notice's life (通知公告): written as a draft, published — at once or at a chosen time — and
// withdrawn when it no longer applies. Pure and client-safe: the console's list and buttons and
// the service (notice-admin.ts) decide with the same table.

export const NOTICE_STATUSES = ["draft", "published", "withdrawn"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export type NoticeOp = "edit" | "publish" | "withdraw";

// A withdrawn notice stays as it was withdrawn (the audit log and anyone who saw it agree on what
// it said); to say it again, staff write a new one.
const ALLOWED: Record<NoticeStatus, readonly NoticeOp[]> = {
  draft: ["edit", "publish"],
  published: ["edit", "withdraw"],
  withdrawn: [],
};

const AFTER: Record<NoticeOp, (s: NoticeStatus) => NoticeStatus> = {
  edit: (s) => s,
  publish: () => "published",
  withdraw: () => "withdrawn",
};

export function isNoticeStatus(value: string): value is NoticeStatus {
  return (NOTICE_STATUSES as readonly string[]).includes(value);
}

export function canApply(status: string, op: NoticeOp): boolean {
  return isNoticeStatus(status) && ALLOWED[status].includes(op);
}

/** The status after `op`, or null when `op` is not allowed from `status`. */
export function nextStatus(status: string, op: NoticeOp): NoticeStatus | null {
  return canApply(status, op) ? AFTER[op](status as NoticeStatus) : null;
}

/** Whether the portal shows it: published, its time come, not withdrawn. */
export function isPublic(
  n: { status: string; publishedAt: Date | null; withdrawnAt: Date | null },
  now: Date,
): boolean {
  return (
    n.status === "published" &&
    n.publishedAt !== null &&
    n.publishedAt <= now &&
    n.withdrawnAt === null
  );
}

/** What the console's list shows: 草稿, 定时发布 (published, time ahead), 已发布, 已撤回. */
export function noticeStateLabel(
  n: { status: string; publishedAt: Date | null; withdrawnAt: Date | null },
  now: Date,
): string {
  if (n.status === "draft") return "草稿";
  if (n.status === "withdrawn") return "已撤回";
  return isPublic(n, now) ? "已发布" : "定时发布";
}
