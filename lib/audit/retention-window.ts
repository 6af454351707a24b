// How long audit rows stay in the online AuditEvent table before the audit-archive job moves them
// to object storage (lib/audit/retention.ts). 网络安全法 第二十一条 requires network logs to be
// kept no less than six months, so the window is at least 180 days — the default, and the floor
// the database trigger enforces on its own (migration 20261204023903_audit_archive).
//
//   KUAIJI_AUDIT_RETENTION_DAYS   180–3650, default 180

export const DEFAULT_AUDIT_RETENTION_DAYS = 180;
const MIN_DAYS = 180;
const MAX_DAYS = 3650;
const DAY = 24 * 3_600_000;

type Env = Readonly<Record<string, string | undefined>>;

export function auditRetentionDays(env: Env = process.env): number {
  const raw = env.KUAIJI_AUDIT_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_AUDIT_RETENTION_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < MIN_DAYS || n > MAX_DAYS) {
    throw new Error(
      `环境变量 KUAIJI_AUDIT_RETENTION_DAYS 取值无效：应为 ${MIN_DAYS}–${MAX_DAYS} 之间的天数（网络日志至少留存六个月）/ KUAIJI_AUDIT_RETENTION_DAYS must be ${MIN_DAYS}–${MAX_DAYS} days`,
    );
  }
  return n;
}

/** Rows strictly before this instant are due for the archive at `now`. */
export function auditArchiveCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}
