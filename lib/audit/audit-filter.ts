import { beijingDayStart } from "@/lib/time/beijing";
import { isUuid } from "@/lib/utils/uuid";
import { actionsOfGroup, isActionGroup, isAuditAction } from "./action-groups";
import type { AuditOutcome } from "./audit";
import type { AuditAction } from "./actions";

// The 操作日志 filter as it travels in the URL (GET parameters, so a filtered view can be sent to
// a colleague) and as the query takes it. Times are Beijing wall-clock on the form
// ("YYYY-MM-DDTHH:mm" from <input type="datetime-local">, or a bare date) and instants here.

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: "成功",
  failure: "失败",
  denied: "拒绝",
};

/** The object kinds audit rows name (AuditEntry.targetType), for the form and the table. */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  person: "会计人员",
  archive: "档案",
  "archive-version": "档案版本",
  "collection-draft": "信息采集草稿",
  attachment: "附件",
  "ce-credit": "学分",
  "transfer-out": "调出申请",
  "transfer-in": "调入申请",
  staff: "工作人员",
  "holiday-day": "节假日",
  "audit-archive": "操作日志归档",
};

export const FILTER_FIELDS = [
  "actor",
  "action",
  "outcome",
  "from",
  "to",
  "targetType",
  "targetId",
  "region",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
/** What the form shows back: exactly what was typed, valid or not. */
export type FilterValues = Record<FilterField, string>;

/** An actor as typed: a staff member's 登录名, or a person's id (a UUID). */
export type ActorInput =
  { kind: "staff-username"; username: string } | { kind: "person"; id: string };

export interface AuditFilter {
  actor?: ActorInput;
  /** The action or the group's actions; [] matches nothing (a group with no action yet). */
  actions?: AuditAction[];
  outcome?: AuditOutcome;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound: the end of the minute (or day) the form named. */
  to?: Date;
  targetType?: string;
  targetId?: string;
  /** A GB/T 2260 code; the query takes it as a prefix like a staff scope. */
  region?: string;
}

export type ParsedFilter =
  | { ok: true; values: FilterValues; filter: AuditFilter }
  | { ok: false; values: FilterValues; errors: Partial<Record<FilterField, string>> };

const USERNAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** [start, end) of the Beijing minute or day the value names; null when malformed. */
function beijingSpan(value: string): [Date, Date] | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  let day: Date;
  try {
    day = beijingDayStart(m[1]!);
  } catch {
    return null;
  }
  if (m[2] === undefined) return [day, new Date(day.getTime() + DAY)];
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return null;
  const start = new Date(day.getTime() + (h * 60 + min) * MINUTE);
  return [start, new Date(start.getTime() + MINUTE)];
}

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 100) ?? "";
}

export function parseAuditFilter(
  params: Readonly<Record<string, string | string[] | undefined>>,
): ParsedFilter {
  const values = Object.fromEntries(FILTER_FIELDS.map((f) => [f, one(params[f])])) as FilterValues;
  const errors: Partial<Record<FilterField, string>> = {};
  const filter: AuditFilter = {};

  const actor = values.actor.toLowerCase();
  if (actor) {
    if (isUuid(actor)) filter.actor = { kind: "person", id: actor };
    else if (USERNAME.test(actor)) filter.actor = { kind: "staff-username", username: actor };
    else errors.actor = "请输入工作人员登录名或会计人员编号";
  }
  if (values.action) {
    const group = values.action.startsWith("group:") ? values.action.slice(6) : null;
    if (group !== null && isActionGroup(group)) filter.actions = actionsOfGroup(group);
    else if (isAuditAction(values.action)) filter.actions = [values.action];
    else errors.action = "请选择操作类型";
  }
  if (values.outcome) {
    if (Object.hasOwn(OUTCOME_LABELS, values.outcome))
      filter.outcome = values.outcome as AuditOutcome;
    else errors.outcome = "请选择结果";
  }
  if (values.from) {
    const span = beijingSpan(values.from);
    if (span) filter.from = span[0];
    else errors.from = "请输入正确的开始时间";
  }
  if (values.to) {
    const span = beijingSpan(values.to);
    if (span) filter.to = span[1];
    else errors.to = "请输入正确的结束时间";
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.to = "结束时间应晚于开始时间";
  if (values.targetType) {
    if (/^[a-z][a-z-]{0,39}$/.test(values.targetType)) filter.targetType = values.targetType;
    else errors.targetType = "对象类型只含小写字母和“-”";
  }
  if (values.targetId) {
    // The value goes into the audit.read row: an id, never a 证件号码 typed by mistake.
    if (/^\d{17}[\dXx]$/.test(values.targetId))
      errors.targetId = "请输入对象编号，不能输入证件号码";
    else if (/^[A-Za-z0-9._:/-]{1,64}$/.test(values.targetId)) filter.targetId = values.targetId;
    else errors.targetId = "对象编号只含字母、数字和“-”，最多64个字符";
  }
  if (values.region) {
    if (/^\d{6}$/.test(values.region)) filter.region = values.region;
    else errors.region = "请选择行政区划";
  }
  return Object.keys(errors).length > 0
    ? { ok: false, values, errors }
    : { ok: true, values, filter };
}

/** The URL of a filtered view (empty fields left out), optionally from a page's cursor on. */
export function auditFilterHref(values: FilterValues, after?: string | null): string {
  const q = new URLSearchParams();
  for (const f of FILTER_FIELDS) if (values[f]) q.set(f, values[f]);
  if (after) q.set("after", after);
  const s = q.toString();
  return s ? `/console/audit?${s}` : "/console/audit";
}
