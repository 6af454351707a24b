import type { CollectionSnapshot } from "@/lib/collection/archive-service";

// 信息变更 (用户操作手册 3.1): "除身份证号码、证件类型、性别和所属国家不能变更以外，其他信息项均可变更".
// These four identify the person and come from the registered document, so a change page shows
// them read-only with the reason and the way to get them corrected, and the server refuses any
// new version that differs in them — wherever the snapshot keeps them: registration facts under
// `person`, and 性别/国籍 under `personal` for documents where 个人信息 asked them.
// Pure and client-safe (the type import is erased).

export type ImmutableField = "idType" | "idNumber" | "gender" | "nationality";

export interface ImmutableFieldInfo {
  field: ImmutableField;
  /** As the change page and the archive label the field. */
  label: string;
  /** Why it cannot be changed here. */
  reason: string;
  /** What to do instead. */
  instead: string;
}

export const CONTACT_FINANCE_DEPARTMENT = "联系所属地区财政部门办理";

export const IMMUTABLE_FIELDS: readonly ImmutableFieldInfo[] = [
  {
    field: "idType",
    label: "证件类型",
    reason: "证件类型在注册时确定，是识别会计人员身份的依据，信息变更中不能修改",
    instead: CONTACT_FINANCE_DEPARTMENT,
  },
  {
    field: "idNumber",
    label: "证件号码",
    reason: "证件号码在注册时经过校验，是会计人员信息档案的唯一标识，信息变更中不能修改",
    instead: CONTACT_FINANCE_DEPARTMENT,
  },
  {
    field: "gender",
    label: "性别",
    reason: "性别以注册的身份证件为准，信息变更中不能修改",
    instead: CONTACT_FINANCE_DEPARTMENT,
  },
  {
    field: "nationality",
    label: "国籍/地区",
    reason: "国籍/地区以注册的身份证件为准，信息变更中不能修改",
    instead: CONTACT_FINANCE_DEPARTMENT,
  },
];

export function immutableFieldInfo(field: ImmutableField): ImmutableFieldInfo {
  return IMMUTABLE_FIELDS.find((f) => f.field === field)!;
}

/** The sentence returned when a change of a fixed field is refused (the form never offers one). */
export function immutableMessage(field: ImmutableField): string {
  const info = immutableFieldInfo(field);
  return `${info.label}不能变更：${info.reason}。如需更正，请${info.instead}。`;
}

export interface ImmutableViolation {
  field: ImmutableField;
  /** Where in the snapshot it differs: "person.idNumberMasked", "personal.gender", … */
  path: string;
  label: string;
  message: string;
}

type Reader = (s: CollectionSnapshot) => string | null | undefined;

// Every place a field lives. A value absent before (data collected before the field was asked)
// may be filled in: that completes the record rather than changing it.
const LOCATIONS: readonly { field: ImmutableField; path: string; read: Reader }[] = [
  { field: "idType", path: "person.idType", read: (s) => s.person?.idType },
  { field: "idNumber", path: "person.idNumberMasked", read: (s) => s.person?.idNumberMasked },
  { field: "gender", path: "person.gender", read: (s) => s.person?.gender },
  { field: "gender", path: "personal.gender", read: (s) => s.personal?.gender },
  { field: "nationality", path: "personal.nationality", read: (s) => s.personal?.nationality },
];

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value !== "";
}

/** The immutable fields `after` changes compared with `before` (one entry per field); [] if none. */
export function immutableViolations(
  before: CollectionSnapshot,
  after: CollectionSnapshot,
): ImmutableViolation[] {
  const out: ImmutableViolation[] = [];
  for (const { field, path, read } of LOCATIONS) {
    const was = read(before);
    if (!present(was) || read(after) === was) continue;
    if (out.some((v) => v.field === field)) continue;
    out.push({
      field,
      path,
      label: immutableFieldInfo(field).label,
      message: immutableMessage(field),
    });
  }
  return out;
}
