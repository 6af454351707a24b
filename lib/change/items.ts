import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import type { CollectionContext } from "@/lib/collection/rules";
import { DATA_STEP_IDS, type DataStepId } from "@/lib/collection/steps";
import {
  type CollectionDraft,
  type CollectionRecord,
  type FieldIssue,
  fieldIssues,
  type StepErrors,
  stepSchema,
  validateWholeRecord,
} from "@/lib/collection/whole-record";
import { immutableViolations } from "./immutable";

// 信息变更 (用户操作手册 3.1): the person picks an information item — or one entry of a list within
// it — presses 变更信息, edits and saves. Each item is a collection step and is validated by that
// step's own schema (stepSchema, shared with the wizard), then by the rules that span steps.
// Pure and client-safe: the change form can run validateItemEdit as the server does.

/** The steps that can be changed (阅读须知 is a pledge, not information). */
export type ChangeStep = Exclude<DataStepId, "notice">;

export interface ChangeList {
  /** The list's key in the step data ("fullTime"). */
  key: string;
  /** As the manual and the archive name it ("全日制教育"). */
  label: string;
}

export interface ChangeItem {
  step: ChangeStep;
  /** The manual's name of the information item. */
  label: string;
  /** Lists whose entries are changed one at a time; the step's other fields change together. */
  lists: readonly ChangeList[];
}

export const CHANGE_ITEMS: readonly ChangeItem[] = [
  { step: "personal", label: "个人信息", lists: [] },
  {
    step: "education",
    label: "学历信息",
    lists: [
      { key: "fullTime", label: "全日制教育" },
      { key: "partTime", label: "非全日制教育" },
    ],
  },
  { step: "work", label: "工作信息", lists: [] },
  {
    step: "professional",
    label: "专业技术信息",
    lists: [
      { key: "qualifications", label: "专业技术资格" },
      { key: "talents", label: "高端会计人才" },
    ],
  },
  { step: "awards", label: "奖励信息", lists: [{ key: "awards", label: "奖励信息" }] },
];

export function isChangeStep(value: unknown): value is ChangeStep {
  return CHANGE_ITEMS.some((i) => i.step === value);
}

export function changeItem(step: ChangeStep): ChangeItem {
  return CHANGE_ITEMS.find((i) => i.step === step)!;
}

/**
 * What is being changed:
 * - `{ step }`: the step's fields outside its lists (for 个人信息 and 工作信息, everything);
 * - `{ step, list, index }`: entry `index` (0-based) of that list — replaced, or removed;
 * - `{ step, list }`: a new entry appended to that list.
 */
export interface ItemRef {
  step: ChangeStep;
  list?: string;
  index?: number;
}

/** An ItemRef from untrusted input (a URL or a form), or null when it names nothing changeable. */
export function parseItemRef(raw: unknown): ItemRef | null {
  if (!raw || typeof raw !== "object") return null;
  const { step, list, index } = raw as Record<string, unknown>;
  if (!isChangeStep(step)) return null;
  if (list === undefined || list === null || list === "") {
    return index === undefined || index === null ? { step } : null;
  }
  if (!changeItem(step).lists.some((l) => l.key === list)) return null;
  if (index === undefined || index === null || index === "") return { step, list: list as string };
  const n = typeof index === "string" && /^\d{1,3}$/.test(index) ? Number(index) : index;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) return null;
  return { step, list: list as string, index: n };
}

/** "学历信息", "学历信息 › 全日制教育 › 第2条", "学历信息 › 全日制教育 › 新增". */
export function itemRefLabel(ref: ItemRef): string {
  const item = changeItem(ref.step);
  const list = item.lists.find((l) => l.key === ref.list);
  if (!list) return item.label;
  const entry = ref.index === undefined ? "新增" : `第${ref.index + 1}条`;
  // 奖励信息's one list has the item's own name: "奖励信息 › 第2条", not "奖励信息 › 奖励信息 › …".
  return [item.label, ...(list.label === item.label ? [] : [list.label]), entry].join(" › ");
}

export const ENTRY_GONE = "该条信息已不存在（可能已在其他页面修改），请刷新后重试";
export const NOT_CHANGEABLE = "该信息项不能变更";

function stepData(snapshot: CollectionSnapshot, step: ChangeStep): Record<string, unknown> {
  const data = snapshot[step] as unknown;
  return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
}

function listOf(snapshot: CollectionSnapshot, ref: ItemRef): unknown[] {
  const list = stepData(snapshot, ref.step)[ref.list!];
  return Array.isArray(list) ? list : [];
}

/** Why `ref` cannot be applied to `snapshot` (an unknown list, an entry that is gone), or null. */
export function itemRefProblem(snapshot: CollectionSnapshot, ref: ItemRef): string | null {
  if (parseItemRef(ref) === null) return NOT_CHANGEABLE;
  if (ref.list !== undefined && ref.index !== undefined) {
    if (ref.index >= listOf(snapshot, ref).length) return ENTRY_GONE;
  }
  return null;
}

/**
 * Where the entry `ref` edits sits in the step's data once saved ("fullTime.1"; a new entry
 * goes at the end of its list), or null when `ref` names the step's own fields.
 */
export function entryPath(snapshot: CollectionSnapshot, ref: ItemRef): string | null {
  if (ref.list === undefined) return null;
  return `${ref.list}.${ref.index ?? listOf(snapshot, ref).length}`;
}

/** The current values of what `ref` names, to fill the change form; undefined for a new entry. */
export function itemValues(snapshot: CollectionSnapshot, ref: ItemRef): unknown {
  if (ref.list === undefined) {
    const data = { ...stepData(snapshot, ref.step) };
    for (const l of changeItem(ref.step).lists) delete data[l.key];
    return data;
  }
  return ref.index === undefined ? undefined : listOf(snapshot, ref)[ref.index];
}

/**
 * The step's data after the edit, not yet validated (validateItemEdit does that):
 * - `{ step }`: `editedData` replaces the step's fields; its lists are kept as they are (lists
 *   change an entry at a time), whatever `editedData` says about them;
 * - `{ step, list, index }`: `editedData` replaces that entry, or `null` removes it;
 * - `{ step, list }`: `editedData` is appended.
 * Throws on a ref itemRefProblem refuses (check it first).
 */
export function applyItemEdit(
  snapshot: CollectionSnapshot,
  ref: ItemRef,
  editedData: unknown,
): Record<string, unknown> {
  const problem = itemRefProblem(snapshot, ref);
  if (problem) throw new RangeError(problem);
  const current = stepData(snapshot, ref.step);
  if (ref.list === undefined) {
    const edited =
      editedData && typeof editedData === "object" && !Array.isArray(editedData)
        ? (editedData as Record<string, unknown>)
        : {};
    const next: Record<string, unknown> = { ...edited };
    for (const l of changeItem(ref.step).lists) {
      if (l.key in current) next[l.key] = current[l.key];
      else delete next[l.key];
    }
    return next;
  }
  const list = [...listOf(snapshot, ref)];
  if (ref.index === undefined) list.push(editedData);
  else if (editedData === null) list.splice(ref.index, 1);
  else list[ref.index] = editedData;
  return { ...current, [ref.list]: list };
}

export type ItemEditResult =
  | {
      ok: true;
      step: ChangeStep;
      /** The step's data as its schema outputs it (what the new version stores). */
      data: CollectionRecord[ChangeStep];
      /** The whole snapshot with the step replaced: the next archive version. */
      snapshot: CollectionSnapshot;
    }
  | {
      ok: false;
      message: string;
      /** Per step, paths inside the step's data ("fullTime.1.school" as ["fullTime", 1, "school"]). */
      errors: StepErrors;
    };

export const EDIT_INVALID = "信息填写有误，请按提示修改后再保存";

function draftOf(snapshot: CollectionSnapshot): CollectionDraft {
  return Object.fromEntries(DATA_STEP_IDS.map((s) => [s, snapshot[s]]));
}

function issueKey(i: FieldIssue): string {
  return `${i.path.join(".")}\u0000${i.message}`;
}

/**
 * Applies the edit and validates it as collection would: the step's schema (the same one the
 * wizard uses), the rules that span steps (a 在校生 needs a 学生证; years after the birth date),
 * and the immutable fields. Problems another step already had before this edit (data collected
 * under older rules) are not blamed on it. `ctx` is the person's CollectionContext, as the wizard
 * builds it (collectionContextFor on the server).
 */
export function validateItemEdit(
  snapshot: CollectionSnapshot,
  ref: ItemRef,
  editedData: unknown,
  ctx: CollectionContext,
): ItemEditResult {
  const problem = itemRefProblem(snapshot, ref);
  if (problem) return { ok: false, message: problem, errors: {} };
  const step = ref.step;
  const raw = applyItemEdit(snapshot, ref, editedData);

  // As validateWholeRecord does: 个人信息 may supply the birth date the later steps' years use.
  const birthDate = ctx.birthDate ?? snapshot.personal?.birthDate;
  const context = step === "personal" ? ctx : { ...ctx, birthDate };
  const parsed = stepSchema(step, context).safeParse(raw);
  const errors: StepErrors = {};
  if (!parsed.success) errors[step] = fieldIssues(parsed.error.issues);

  const after = { ...draftOf(snapshot), [step]: parsed.success ? parsed.data : raw };
  const wholeBefore = validateWholeRecord(draftOf(snapshot), ctx);
  const wholeAfter = validateWholeRecord(after, ctx);
  if (!wholeAfter.ok) {
    const had = wholeBefore.ok ? {} : wholeBefore.errors;
    for (const s of DATA_STEP_IDS) {
      const known = new Set([...(had[s] ?? []), ...(errors[s] ?? [])].map(issueKey));
      const fresh = (wholeAfter.errors[s] ?? []).filter((i) => !known.has(issueKey(i)));
      if (fresh.length > 0) errors[s] = [...(errors[s] ?? []), ...fresh];
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    return { ok: false, message: EDIT_INVALID, errors };
  }

  const next = { ...snapshot, [step]: parsed.data } as CollectionSnapshot;
  const violations = immutableViolations(snapshot, next);
  if (violations.length > 0) {
    const personal = violations
      .filter((v) => v.path.startsWith("personal."))
      .map((v) => ({ path: [v.path.slice("personal.".length)], message: v.message }));
    return {
      ok: false,
      message: violations[0]!.message,
      errors: personal.length > 0 ? { personal } : {},
    };
  }
  return { ok: true, step, data: parsed.data as CollectionRecord[ChangeStep], snapshot: next };
}
