import { z } from "zod";
import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import { DATA_STEP_IDS, type DataStepId } from "@/lib/collection/steps";
import {
  type SummaryInput,
  type SummaryOptions,
  type SummaryRow,
  summarizeStep,
} from "@/lib/collection/summary";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";

// The field-level before/after of a 信息变更, for the append-only change log and 变更记录. Values
// are read through summarizeStep — the reading the person confirmed at collection and sees on the
// printed archive — so the history says "毕业院校: 中山大学 → 暨南大学", "毕业时间: 2012年07月 → …",
// never codes or ids. Files are named by what they are (本人免冠证件照) with 已上传/已更换; their ids
// are kept on the change (attachmentIds), so a later view can show the old file beside the new. Pure.

const side = z.string().nullable();

const fieldChangeSchema = z.object({
  /** Dotted path in the snapshot: "personal.email", "education.fullTime.1.school". */
  path: z.string(),
  /** For people: "学历信息 › 全日制教育 第2条 › 毕业院校". */
  label: z.string(),
  /** Display value; null when the field (or its entry) did not exist on that side. */
  before: side,
  after: side,
  /** Only for attachments: the files' ids on each side. */
  attachmentIds: z.object({ before: side, after: side }).optional(),
});

export type FieldChange = z.infer<typeof fieldChangeSchema>;

/**
 * An ArchiveVersion's `changes` as stored (null: a version without any, like version 1),
 * checked; throws on anything else.
 */
export function parseFieldChanges(json: unknown): FieldChange[] {
  return json === null ? [] : z.array(fieldChangeSchema).parse(json);
}

/** Shown for a side that has no value. */
export const EMPTY = "（空）";
/** An attachment present on a side where the other has none, or the old side of a replacement. */
export const FILE_PRESENT = "已上传";
/** The new side of a replaced attachment. */
export const FILE_REPLACED = "已更换";

const SEP = " › ";

// Row labels of summarizeStep → the field's key in the snapshot. Registration facts in the
// 个人信息 section live under `person` unless 个人信息 asked them.
const ROW_KEYS: Record<string, string> = {
  姓名: "person.name",
  证件类型: "person.idType",
  证件号码: "person.idNumberMasked",
  性别: "personal.gender",
  出生日期: "personal.birthDate",
  "国籍/地区": "personal.nationality",
  民族: "personal.ethnicGroup",
  政治面貌: "personal.politicalStatus",
  电子邮箱: "personal.email",
  在岗状态: "work.status",
  所属行政区划: "work.regionCode",
  工作单位名称: "work.employerName",
  统一社会信用代码: "work.employerCreditCode",
  会计工作岗位: "work.postKind",
  从事会计工作年份: "work.accountingSinceYear",
  学校名称: "work.schoolName",
  注册会计师: "professional.isCpa",
  税务师: "professional.isTaxAdvisor",
  资产评估师: "professional.isAssetAppraiser",
  珠算等级: "professional.abacusLevel",
};

// Entry row labels → the entry's key (the same label means the same key in every list).
const ENTRY_KEYS: Record<string, string> = {
  学历: "level",
  学位: "degree",
  毕业院校: "school",
  所学专业: "major",
  入学时间: "enrolledOn",
  毕业时间: "graduatedOn",
  在读: "inStudy",
  类型: "type",
  级别: "level",
  取得方式: "method",
  取得年份: "year",
  证书编号: "certificateNo",
  人才类型: "type",
  入选年度: "selectedYear",
  培养状态: "status",
  毕业年度: "graduatedYear",
  奖励名称: "name",
  奖励级别: "level",
  获奖年份: "year",
};

function rowPath(step: DataStepId, label: string): string {
  return ROW_KEYS[label] ?? `${step}.${label}`;
}

function attachmentPath(input: SummaryInput, label: string): string {
  if (label === "本人免冠证件照") return "personal.headshotId";
  if (label === "学生证") return "personal.studentCardId";
  const type = input.person.idType;
  const pages = isDocumentTypeCode(type) ? DOCUMENT_TYPES[type].attachments : [];
  // summarizeStep labels a page the type does not know by its id.
  const page = pages.find((p) => p.label === label)?.id ?? label;
  return `personal.documentPageIds.${page}`;
}

/** Rows matched by label: changed values, rows that appeared (before null) or went (after null). */
function diffRows(
  before: SummaryRow[],
  after: SummaryRow[],
  path: (label: string) => string,
  label: (label: string) => string,
): FieldChange[] {
  const was = new Map(before.map((r) => [r.label, r.value]));
  const now = new Map(after.map((r) => [r.label, r.value]));
  const labels = [...now.keys(), ...[...was.keys()].filter((l) => !now.has(l))];
  return labels.flatMap((l) => {
    const b = was.get(l) ?? null;
    const a = now.get(l) ?? null;
    return b === a ? [] : [{ path: path(l), label: label(l), before: b, after: a }];
  });
}

type Pair = [number | null, number | null];

/**
 * Lines up the entries of a list before and after: equal entries are matched in order (longest
 * common subsequence), so removing entry 2 of 3 reads as entry 2 removed — not as entries 2 and 3
 * rewritten. Unmatched entries between two matches pair up as edits; the rest were added/removed.
 */
function alignEntries(before: string[], after: string[]): Pair[] {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const pairs: Pair[] = [];
  let gapB: number[] = [];
  let gapA: number[] = [];
  const flush = () => {
    const k = Math.max(gapB.length, gapA.length);
    for (let x = 0; x < k; x++) pairs.push([gapB[x] ?? null, gapA[x] ?? null]);
    gapB = [];
    gapA = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      pairs.push([i++, j++]);
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      gapB.push(i++);
    } else {
      gapA.push(j++);
    }
  }
  flush();
  return pairs;
}

const entryKey = (rows: SummaryRow[]) => JSON.stringify(rows.map((r) => [r.label, r.value]));

/**
 * The field-level changes of one step between two snapshots, in the order the archive shows them
 * (fields, then list entries, then files). [] when nothing a person can see changed.
 */
export function diffStep(
  step: DataStepId,
  before: SummaryInput,
  after: SummaryInput,
  options: SummaryOptions,
): FieldChange[] {
  const b = summarizeStep(step, before, options);
  const a = summarizeStep(step, after, options);
  if (!b && !a) return [];
  const title = (a ?? b)!.title;

  const changes = diffRows(
    b?.rows ?? [],
    a?.rows ?? [],
    (l) => rowPath(step, l),
    (l) => `${title}${SEP}${l}`,
  );

  const lists = [
    ...(a?.lists ?? []),
    ...(b?.lists ?? []).filter((l) => !a?.lists.some((x) => x.key === l.key)),
  ];
  for (const { key, title: listTitle } of lists) {
    const was = b?.lists.find((l) => l.key === key)?.entries ?? [];
    const now = a?.lists.find((l) => l.key === key)?.entries ?? [];
    // 奖励信息's list has the section's own name: "奖励信息 第2条", not "奖励信息 › 奖励信息 第2条".
    const prefix = listTitle === title ? "" : `${title}${SEP}`;
    for (const [bi, ai] of alignEntries(was.map(entryKey), now.map(entryKey))) {
      if (bi !== null && ai !== null && entryKey(was[bi]!) === entryKey(now[ai]!)) continue;
      const index = ai ?? bi!;
      changes.push(
        ...diffRows(
          bi === null ? [] : was[bi]!,
          ai === null ? [] : now[ai]!,
          (l) => `${step}.${key}.${index}.${ENTRY_KEYS[l] ?? l}`,
          (l) => `${prefix}${listTitle} 第${index + 1}条${SEP}${l}`,
        ),
      );
    }
  }

  const filesBefore = new Map((b?.attachments ?? []).map((f) => [f.label, f.attachmentId]));
  const filesAfter = new Map((a?.attachments ?? []).map((f) => [f.label, f.attachmentId]));
  const fileLabels = [
    ...filesAfter.keys(),
    ...[...filesBefore.keys()].filter((l) => !filesAfter.has(l)),
  ];
  for (const l of fileLabels) {
    const was = filesBefore.get(l) ?? null;
    const now = filesAfter.get(l) ?? null;
    if (was === now) continue;
    changes.push({
      path: attachmentPath(after, l),
      label: `${title}${SEP}${l}`,
      before: was === null ? null : FILE_PRESENT,
      after: now === null ? null : was === null ? FILE_PRESENT : FILE_REPLACED,
      attachmentIds: { before: was, after: now },
    });
  }
  return changes;
}

/** Every step's changes between two versions of an archive, in the wizard's order. */
export function diffSnapshots(
  before: CollectionSnapshot,
  after: CollectionSnapshot,
  options: SummaryOptions,
): FieldChange[] {
  return DATA_STEP_IDS.flatMap((step) => diffStep(step, before, after, options));
}

/** "学历信息 › 全日制教育 第1条 › 毕业院校: 中山大学 → 暨南大学"; an absent side reads （空）. */
export function formatChange(change: FieldChange): string {
  return `${change.label}: ${change.before ?? EMPTY} → ${change.after ?? EMPTY}`;
}
