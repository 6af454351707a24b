import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { nationalityFromDocument } from "@/lib/codes/nationality";
import { isDocumentTypeCode } from "@/lib/identity/document-types";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { beijingToday } from "@/lib/time/beijing";
import { isAttachmentId } from "@/lib/upload/attachment-service";
import type { UploadKind } from "@/lib/upload/kinds";
import type { CollectionContext } from "./rules";
import {
  canOpenStep,
  DATA_STEP_IDS,
  type DataStepId,
  firstIncompleteStep,
  STEP_IDS,
  type StepId,
} from "./steps";
import { type CollectionDraft as DraftSteps, stepSchema } from "./whole-record";

// 信息采集 drafts (issue 3, Rules): 下一步 saves one step through its zod schema (the form's own)
// and marks it complete; 保存草稿 stores whatever was typed, valid or not, so nothing is lost.
// Both write in one transaction with an audit row, under optimistic concurrency: a save names the
// revision it started from and a stale one is refused, so two tabs never silently overwrite.
// The draft's references to uploads are kept in step with Attachment.orphanedAt (see
// attachment-service.ts for the sweep).

export const STEP_LOCKED = "请先完成前面的步骤";
export const DRAFT_STALE = "信息已在其他页面或设备上修改，请刷新后再保存";
export const ALREADY_COLLECTED = "您已采集过信息，无需重复采集";
export const STEP_UNKNOWN = "没有这个采集步骤";
export const DRAFT_TOO_LARGE = "填写的内容过多，无法保存";
export const ATTACHMENT_INVALID = "附件无效或已过期，请重新上传";

/** One step's saved input is small (a few KB with many entries); this stops abuse, not people. */
const MAX_STEP_JSON_CHARS = 64 * 1024;

export interface DraftView {
  /** Each data step's saved input (parsed data after 下一步, raw input after 保存草稿). */
  steps: DraftSteps;
  completed: StepId[];
  /** 0 when nothing was saved yet: the revision the first save names. */
  revision: number;
  /** Where the wizard resumes. */
  resumeAt: StepId;
  updatedAt: Date | null;
}

export type SaveResult =
  | { ok: true; revision: number; completed: StepId[]; resumeAt: StepId }
  /** `fieldErrors`: dotted path inside the step's data ("fullTime.0.graduatedOn"; "" for the whole step) → message. */
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | {
      ok: false;
      reason: "stale" | "locked" | "collected" | "unknown-step" | "too-large";
      message: string;
      /** With "stale": the revision now stored (loadDraft shows its values). */
      revision?: number;
    };

export interface SaveStepInput {
  step: string;
  data: unknown;
  /**
   * The draft revision the page was showing. "latest" is the person's explicit choice after a
   * stale refusal: keep what this page holds for this step and save it over the newer draft
   * (other steps' newer saves stay as they are).
   */
  revision: number | "latest";
}

export function isDataStepId(value: unknown): value is DataStepId {
  return typeof value === "string" && (DATA_STEP_IDS as readonly string[]).includes(value);
}

function completedOf(raw: readonly string[]): StepId[] {
  return STEP_IDS.filter((id) => raw.includes(id));
}

function stepsOf(raw: Prisma.JsonValue | undefined): DraftSteps {
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as DraftSteps) : {};
}

export async function loadDraft(db: Db | Tx, personId: string): Promise<DraftView> {
  const row = await db.collectionDraft.findUnique({ where: { personId } });
  const completed = completedOf(row?.completedSteps ?? []);
  return {
    steps: stepsOf(row?.steps),
    completed,
    revision: row?.revision ?? 0,
    resumeAt: firstIncompleteStep(completed),
    updatedAt: row?.updatedAt ?? null,
  };
}

// --- Context ------------------------------------------------------------------------------------

export interface PersonFacts {
  idType: string;
  idNumberMasked: string;
  birthDate: Date | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the step schemas need to know about this person: today in Beijing, the registered
 * document type and the birth date — from registration when the number carries it, otherwise
 * as entered at 个人信息 (the same rule as validateWholeRecord).
 */
export function collectionContextFor(
  person: PersonFacts,
  steps: DraftSteps,
  now: Date,
): CollectionContext {
  if (!isDocumentTypeCode(person.idType)) throw new Error("未知的证件类型");
  const registered = person.birthDate?.toISOString().slice(0, 10);
  const entered = (steps.personal as { birthDate?: unknown } | undefined)?.birthDate;
  const birthDate =
    registered ?? (typeof entered === "string" && DAY.test(entered) ? entered : undefined);
  const nationality = nationalityFromDocument(person.idType, person.idNumberMasked);
  return {
    today: beijingToday(now),
    documentType: person.idType,
    ...(nationality ? { nationality } : {}),
    documentEncodesBirthDate: registered !== undefined,
    regions: buildJurisdictionRegions(),
    ...(birthDate ? { birthDate } : {}),
  };
}

// --- Attachment references ----------------------------------------------------------------------

export interface AttachmentRef {
  id: string;
  kind: UploadKind;
  /** Where the draft or snapshot refers to it, e.g. "personal.documentPageIds.FRONT". */
  role: string;
}

/**
 * The uploads a draft (raw or parsed) refers to. Only 个人信息 carries attachments today; later
 * steps with files add their fields here. Anything that is not a UUID is not a reference.
 */
export function attachmentRefs(steps: DraftSteps): AttachmentRef[] {
  const personal = steps.personal as Record<string, unknown> | null | undefined;
  if (!personal || typeof personal !== "object") return [];
  const refs: AttachmentRef[] = [];
  const add = (value: unknown, kind: UploadKind, role: string) => {
    if (typeof value === "string" && isAttachmentId(value.trim())) {
      refs.push({ id: value.trim().toLowerCase(), kind, role });
    }
  };
  add(personal.headshotId, "headshot", "personal.headshotId");
  const pages = personal.documentPageIds;
  if (pages && typeof pages === "object" && !Array.isArray(pages)) {
    for (const [page, id] of Object.entries(pages)) {
      add(id, "document-page", `personal.documentPageIds.${page}`);
    }
  }
  add(personal.studentCardId, "student-card", "personal.studentCardId");
  return refs;
}

/**
 * Problems with the uploads a step's data names: each must be this person's, of the right kind.
 * Keyed by the path inside the step ("documentPageIds.FRONT"), like the schema's errors. Stops a
 * forged id from pulling someone else's file into an archive.
 */
export async function attachmentProblems(
  db: Db | Tx,
  personId: string,
  step: DataStepId,
  data: unknown,
): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (step !== "personal") return problems;
  const refs = attachmentRefs({ personal: data });
  const rows = await db.attachment.findMany({
    where: { personId, id: { in: [...new Set(refs.map((r) => r.id))] } },
    select: { id: true, kind: true },
  });
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  for (const ref of refs) {
    if (kinds.get(ref.id) !== ref.kind)
      problems[ref.role.replace(/^personal\./, "")] = ATTACHMENT_INVALID;
  }
  // A value that is not an id at all (typed by hand into a forged request).
  const raw = data as Record<string, unknown> | null;
  for (const key of ["headshotId", "studentCardId"]) {
    const v = raw?.[key];
    if (typeof v === "string" && v.trim() !== "" && !isAttachmentId(v.trim())) {
      problems[key] = ATTACHMENT_INVALID;
    }
  }
  const pages = raw?.documentPageIds;
  if (pages && typeof pages === "object") {
    for (const [page, v] of Object.entries(pages)) {
      if (typeof v === "string" && v.trim() !== "" && !isAttachmentId(v.trim())) {
        problems[`documentPageIds.${page}`] = ATTACHMENT_INVALID;
      }
    }
  }
  return problems;
}

/** The upload kinds a collection draft refers to; other features' files are not its business. */
export const COLLECTION_KINDS: readonly UploadKind[] = [
  "headshot",
  "document-page",
  "student-card",
];

/**
 * Keeps Attachment.orphanedAt true to the draft: files the draft names are not orphans; this
 * person's other files that no archive version keeps become orphans as of `now` (the sweep
 * removes them after a grace period). Returns how many of `refs` were claimed (theirs, present).
 */
export async function syncOrphans(
  tx: Tx,
  personId: string,
  refs: readonly AttachmentRef[],
  now: Date,
): Promise<number> {
  const ids = [...new Set(refs.map((r) => r.id))];
  const claimed = await tx.attachment.updateMany({
    where: { personId, id: { in: ids } },
    data: { orphanedAt: null },
  });
  await tx.attachment.updateMany({
    where: {
      personId,
      kind: { in: [...COLLECTION_KINDS] },
      orphanedAt: null,
      id: { notIn: ids },
      versions: { none: {} },
    },
    data: { orphanedAt: now },
  });
  return claimed.count;
}

// --- Saving -------------------------------------------------------------------------------------

/** Thrown inside the transaction to roll it back; turned into a result outside. */
class SaveRefused extends Error {
  constructor(readonly result: SaveResult) {
    super(result.ok ? "ok" : result.reason);
  }
}

/** Dotted path → the first message for it. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join(".")] ??= i.message;
  return out;
}

interface Loaded {
  person: PersonFacts & { regionCode: string };
  draft: DraftView;
}

/** The checks both saves share; a refusal, or what they need. */
async function beforeSave(
  db: Db,
  personId: string,
  input: SaveStepInput,
): Promise<{ ok: false; result: SaveResult } | ({ ok: true; step: DataStepId } & Loaded)> {
  const refuse = (result: SaveResult) => ({ ok: false as const, result });
  if (!isDataStepId(input.step)) {
    return refuse({ ok: false, reason: "unknown-step", message: STEP_UNKNOWN });
  }
  if (JSON.stringify(input.data ?? null).length > MAX_STEP_JSON_CHARS) {
    return refuse({ ok: false, reason: "too-large", message: DRAFT_TOO_LARGE });
  }
  const [person, archive, draft] = await Promise.all([
    db.person.findUniqueOrThrow({
      where: { id: personId },
      select: { idType: true, idNumberMasked: true, birthDate: true, regionCode: true },
    }),
    db.archive.findUnique({ where: { personId }, select: { id: true } }),
    loadDraft(db, personId),
  ]);
  if (archive) return refuse({ ok: false, reason: "collected", message: ALREADY_COLLECTED });
  if (input.revision !== "latest" && input.revision !== draft.revision) {
    return refuse({ ok: false, reason: "stale", message: DRAFT_STALE, revision: draft.revision });
  }
  if (!canOpenStep(input.step, draft.completed)) {
    return refuse({ ok: false, reason: "locked", message: STEP_LOCKED });
  }
  return { ok: true, step: input.step, person, draft };
}

/** What a save writes: the new steps and completion, on top of revision `from`. */
interface Commit {
  personId: string;
  regionCode: string;
  step: DataStepId;
  from: number;
  steps: DraftSteps;
  completed: StepId[];
  action: "collection.save-step" | "collection.save-draft";
  /** 下一步 only: the step's files must still exist (a sweep may have won since the check). */
  claimStepFiles: boolean;
}

/**
 * One transaction: the draft under the revision check (the first save creates it, 0 → 1;
 * racing first saves meet the unique personId index), the orphan marks, the audit row.
 */
async function commitSave(db: Db, ctx: RequestContext, c: Commit, now: Date): Promise<SaveResult> {
  const revision = c.from + 1;
  const stale = async (): Promise<SaveResult> => ({
    ok: false,
    reason: "stale",
    message: DRAFT_STALE,
    revision: (await loadDraft(db, c.personId)).revision,
  });
  try {
    return await db.$transaction(async (tx) => {
      const data = {
        steps: c.steps as Prisma.InputJsonObject,
        completedSteps: c.completed,
        revision,
      };
      if (c.from === 0) {
        await tx.collectionDraft.create({
          data: { personId: c.personId, regionCode: c.regionCode, ...data },
        });
      } else {
        const r = await tx.collectionDraft.updateMany({
          where: { personId: c.personId, revision: c.from },
          data,
        });
        if (r.count === 0) throw new SaveRefused({ ok: false, reason: "stale", message: "" });
      }
      const refs = attachmentRefs(c.steps);
      const claimed = await syncOrphans(tx, c.personId, refs, now);
      const stepRefs = attachmentRefs({ [c.step]: c.steps[c.step] });
      if (
        c.claimStepFiles &&
        stepRefs.length > 0 &&
        claimed < new Set(refs.map((r) => r.id)).size
      ) {
        throw new SaveRefused({
          ok: false,
          reason: "invalid",
          fieldErrors: Object.fromEntries(
            stepRefs.map((r) => [r.role.replace(/^personal\./, ""), ATTACHMENT_INVALID]),
          ),
        });
      }
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: c.personId,
        action: c.action,
        outcome: "success",
        regionCode: c.regionCode,
        targetType: "collection-draft",
        targetId: c.personId,
        details: { step: c.step, revision },
      });
      return {
        ok: true,
        revision,
        completed: c.completed,
        resumeAt: firstIncompleteStep(c.completed),
      };
    });
  } catch (error) {
    if (error instanceof SaveRefused) {
      return !error.result.ok && error.result.reason === "stale" ? stale() : error.result;
    }
    // Two first saves racing: the unique index on personId decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return stale();
    }
    throw error;
  }
}

/**
 * One step's input checked as 下一步 and 保存草稿 both need it: the step's schema for this
 * person, and its uploads being the person's own. The schema's message wins where both speak
 * about one field.
 */
async function checkStep(
  db: Db,
  personId: string,
  pre: Loaded & { step: DataStepId },
  data: unknown,
  now: Date,
): Promise<{ ok: true; data: unknown } | { ok: false; fieldErrors: Record<string, string> }> {
  const parsed = stepSchema(
    pre.step,
    collectionContextFor(pre.person, pre.draft.steps, now),
  ).safeParse(data);
  const fieldErrors = {
    ...(await attachmentProblems(db, personId, pre.step, data)),
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error.issues)),
  };
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: parsed.data };
}

/**
 * 下一步: validates `data` with the step's schema for this person, checks its uploads are the
 * person's own, and stores the parsed data with the step marked complete.
 */
export async function saveStep(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: SaveStepInput,
  now = new Date(),
): Promise<SaveResult> {
  const personId = session.personId;
  const pre = await beforeSave(db, personId, input);
  if (!pre.ok) return pre.result;
  const { step, person, draft } = pre;

  const checked = await checkStep(db, personId, pre, input.data, now);
  if (!checked.ok) return { ok: false, reason: "invalid", fieldErrors: checked.fieldErrors };
  return commitSave(
    db,
    ctx,
    {
      personId,
      regionCode: person.regionCode,
      step,
      from: draft.revision,
      steps: { ...draft.steps, [step]: checked.data },
      completed: completedOf([...draft.completed, step]),
      action: "collection.save-step",
      claimStepFiles: true,
    },
    now,
  );
}

/**
 * 保存草稿 (and 上一步): stores the step's input exactly as typed, valid or not, without marking it
 * complete. A complete step whose new input no longer validates is complete no more, so the
 * wizard resumes there and submit cannot go past it.
 */
export async function saveDraftOnly(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: SaveStepInput,
  now = new Date(),
): Promise<SaveResult> {
  const personId = session.personId;
  const pre = await beforeSave(db, personId, input);
  if (!pre.ok) return pre.result;
  const { step, person, draft } = pre;

  const stillValid =
    draft.completed.includes(step) && (await checkStep(db, personId, pre, input.data, now)).ok;
  return commitSave(
    db,
    ctx,
    {
      personId,
      regionCode: person.regionCode,
      step,
      from: draft.revision,
      steps: { ...draft.steps, [step]: input.data ?? null },
      completed: draft.completed.filter((s) => s !== step || stillValid),
      action: "collection.save-draft",
      claimStepFiles: false,
    },
    now,
  );
}
