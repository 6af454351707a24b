import "server-only";
import { canonicalIdNumber } from "@/lib/account/identifier";
import { nationalityFromDocument } from "@/lib/codes/nationality";
import type { CollectionContext } from "@/lib/collection/rules";
import type { CollectionRecord, CollectionDraft } from "@/lib/collection/whole-record";
import { validateWholeRecord } from "@/lib/collection/whole-record";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import {
  DOCUMENT_TYPES,
  type DocumentTypeCode,
  isDocumentTypeCode,
} from "@/lib/identity/document-types";
import { maskIdNumber } from "@/lib/identity/mask";
import { validatePersonName } from "@/lib/identity/person-name";
import { validateMobile } from "@/lib/phone/mobile";
import { regionWithin } from "@/lib/region/scope";
import { codeOf, HISTORY_COLUMNS, type HistoryKey, type HistoryValues } from "./history-sheet";

// One row of 历史档案导入 checked on its own: the number (lib/identity, checksum and all), the
// name and the phone, the region inside the staff member's scope, then the whole record through
// collection's own step schemas (validateWholeRecord) — the same rules the wizard applies — with
// one exception: the photos. A historical record has none: the row is validated with a marker in
// each photo field (never stored), and the record written keeps the photo fields empty with
// `photosPending: true` — 照片待补充 (CONTRIBUTING 历史档案导入).

export interface ReadyPerson {
  name: string;
  idType: DocumentTypeCode;
  /** Canonical number: encrypted and indexed when written, never logged. */
  idNumber: string;
  idNumberMasked: string;
  gender: string | null;
  /** The date the number carries (null: none) — in memory only, the Person row keeps its year. */
  birthDate: string | null;
  phone: string;
  regionCode: string;
  record: CollectionRecord;
}

export type RowCheck = { ok: true; person: ReadyPerson } | { ok: false; errors: string[] };

/** Stands in for each photo while the schema checks the rest; removed before anything is written. */
const PHOTO_MARKER = "pending";

/** The words of a choice column as its code, or the cell itself (the schema then refuses it). */
function code(values: HistoryValues, key: HistoryKey): string {
  const column = HISTORY_COLUMNS.find((c) => c.key === key)!;
  const choices = "choices" in column ? column.choices : undefined;
  return choices ? (codeOf(choices, values[key]) ?? values[key]) : values[key];
}

/** The step drafts a row stands for, shaped as the wizard's forms send them. */
export function rowDrafts(
  v: HistoryValues,
  asksBirth: boolean,
  documentType: DocumentTypeCode,
): CollectionDraft {
  const hasQualification = [
    v.qualType,
    v.qualLevel,
    v.qualMethod,
    v.qualYear,
    v.certificateNo,
  ].some((s) => s !== "");
  return {
    notice: { truthPledge: true },
    personal: {
      ethnicGroup: code(v, "ethnicGroup"),
      politicalStatus: code(v, "politicalStatus"),
      email: v.email,
      headshotId: PHOTO_MARKER,
      documentPageIds: Object.fromEntries(
        DOCUMENT_TYPES[documentType].attachments.map((p) => [p.id, PHOTO_MARKER]),
      ),
      ...(asksBirth ? { gender: code(v, "gender"), birthDate: v.birthDate } : {}),
    },
    education: {
      fullTime: [
        {
          level: code(v, "level"),
          degree: code(v, "degree"),
          school: v.school,
          major: v.major,
          enrolledOn: v.enrolledOn,
          graduatedOn: v.graduatedOn,
        },
      ],
    },
    work: {
      status: code(v, "status"),
      regionCode: v.regionCode,
      employerName: v.employerName,
      employerCreditCode: v.employerCreditCode,
      postKind: code(v, "postKind"),
      accountingSinceYear: v.accountingSinceYear,
    },
    professional: {
      isCpa: false,
      isTaxAdvisor: false,
      isAssetAppraiser: false,
      abacusLevel: "NONE",
      qualifications: hasQualification
        ? [
            {
              type: code(v, "qualType"),
              level: code(v, "qualLevel"),
              method: code(v, "qualMethod"),
              year: v.qualYear,
              certificateNo: v.certificateNo,
            },
          ]
        : [],
    },
    awards: { awards: [] },
  };
}

export interface RowContext {
  /** CollectionContext without the person's own facts (documentType, birth date, nationality). */
  base: Pick<CollectionContext, "today" | "regions">;
  /** The importing staff member's region prefixes. */
  scope: readonly string[];
  now: Date;
}

/** Every problem of one row, in Chinese, or the person ready to write. */
export function checkHistoryRow(v: HistoryValues, ctx: RowContext): RowCheck {
  const errors: string[] = [];
  const name = validatePersonName(v.name);
  if (!name.ok) errors.push(name.message);
  const idType = codeOf(HISTORY_COLUMNS.find((c) => c.key === "idType")!.choices, v.idType);
  if (!idType || !isDocumentTypeCode(idType)) {
    errors.push(v.idType ? "证件类型不正确，请从下拉列表中选择" : "请选择证件类型");
    return { ok: false, errors };
  }
  const doc = validateDocumentNumber(idType, v.idNumber, ctx.now);
  if (!doc.ok) {
    errors.push(doc.message);
    return { ok: false, errors };
  }
  const idNumber = canonicalIdNumber(doc.normalized);
  const idNumberMasked = maskIdNumber(idNumber);
  // From the number when it carries them; a filled cell must agree with it.
  if (doc.birthDate && v.birthDate && v.birthDate !== doc.birthDate) {
    errors.push("出生日期与证件号码不符");
  }
  const gender = code(v, "gender");
  if (doc.gender && v.gender && gender !== doc.gender) errors.push("性别与证件号码不符");
  const phone = validateMobile(v.phone);
  if (!phone.ok) errors.push(phone.message);
  if (v.regionCode && !regionWithin(v.regionCode, ctx.scope)) {
    errors.push(`所在地区${v.regionCode}不在您管辖的行政区划内`);
  }
  if (v.status === "在校生" || v.status === "STUDENT") {
    errors.push("在校生须上传学生证，请由本人在平台注册并完成信息采集");
  }
  const nationality = nationalityFromDocument(idType, idNumberMasked);
  if (!nationality) errors.push("该证件类型须本人选择国籍/地区，请由本人在平台注册并完成信息采集");

  const context: CollectionContext = {
    ...ctx.base,
    documentType: idType,
    documentEncodesBirthDate: doc.birthDate !== undefined,
    ...(nationality ? { nationality } : {}),
    ...(doc.birthDate ? { birthDate: doc.birthDate } : {}),
  };
  const drafts = rowDrafts(v, doc.birthDate === undefined, idType);
  const checked = validateWholeRecord(drafts, context);
  if (!checked.ok) {
    for (const issues of Object.values(checked.errors)) {
      for (const issue of issues ?? []) errors.push(issue.message);
    }
  }
  if (errors.length > 0 || !checked.ok || !name.ok || !phone.ok) {
    return { ok: false, errors: [...new Set(errors)] };
  }
  return {
    ok: true,
    person: {
      name: name.normalized,
      idType,
      idNumber,
      idNumberMasked,
      gender: doc.gender ?? checked.record.personal.gender ?? null,
      // A date entered for a document without one stays in the record's 个人信息, like the wizard's.
      birthDate: doc.birthDate ?? null,
      phone: phone.normalized,
      regionCode: checked.record.work.regionCode,
      record: {
        ...checked.record,
        personal: {
          ...checked.record.personal,
          headshotId: "",
          documentPageIds: {},
          photosPending: true,
        } as CollectionRecord["personal"],
      },
    },
  };
}
