import "server-only";
import { lockPersonRow, transferInUnderWaySql } from "@/lib/person/locks";
import type { SessionPerson } from "@/lib/account/session-service";
import { auditInsertSql, type RequestContext } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Refusal } from "@/lib/db/refusal";
import { NATIONALITIES, nationalityFromDocument } from "@/lib/codes/nationality";
import { FORM_ERROR_KEY, fieldErrorsFromIssues } from "@/lib/http/action-result";
import { isDocumentTypeCode } from "@/lib/identity/document-types";
import { registeredBirthDate } from "@/lib/identity/registered-birth-date";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { refreshPersonSearch } from "@/lib/search/projection";
import { beijingToday } from "@/lib/time/beijing";
import { isAttachmentId } from "@/lib/upload/attachment-service";
import type { UploadKind } from "@/lib/upload/kinds";
import { uuidv7 } from "@/lib/utils/uuid";
import type * as z from "zod/mini";
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
// Both write atomically with an audit row, under optimistic concurrency: a save names the
// revision it started from and a stale one is refused, so two tabs never silently overwrite.
// The draft's references to uploads are kept in step with Attachment.orphanedAt (see
// attachment-service.ts for the sweep).
//
// Speed (issue 9): a save is two round trips — one read of everything the checks need (person,
// archive, draft, the step's files), one statement that writes (draft, orphan marks, audit row;
// a data-modifying CTE is atomic without BEGIN/COMMIT round trips). The session check before it
// is one more (session-service.ts). tests/integration/collection/round-trips.test.ts pins this.

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

/**
 * Why a save was refused. "invalid": `fieldErrors` keyed by the dotted path inside the step's data
 * ("fullTime.0.graduatedOn"), `message` the error about the step as a whole ("" when none).
 */
export type SaveRefusal = Refusal<
  "invalid" | "stale" | "locked" | "collected" | "unknown-step" | "too-large"
> & {
  /** With "stale": the revision now stored (loadDraft shows its values). */
  revision?: number;
};

export type SaveResult =
  { ok: true; revision: number; completed: StepId[]; resumeAt: StepId } | SaveRefusal;

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

function draftView(
  row: {
    steps: Prisma.JsonValue;
    completedSteps: readonly string[];
    revision: number;
    updatedAt: Date;
  } | null,
): DraftView {
  const completed = completedOf(row?.completedSteps ?? []);
  return {
    steps: stepsOf(row?.steps),
    completed,
    revision: row?.revision ?? 0,
    resumeAt: firstIncompleteStep(completed),
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function loadDraft(db: Db | Tx, personId: string): Promise<DraftView> {
  return draftView(await db.collectionDraft.findUnique({ where: { personId } }));
}

/** What a wizard page and a save need to know, read in one round trip. */
export interface CollectionState {
  person: PersonFacts & {
    name: string;
    gender: string | null;
    birthYear: number | null;
    regionCode: string;
  };
  /** The person has an archive: the collection is over. */
  collected: boolean;
  /** A 调入 is under way: its file will be the collection (lib/person/locks.ts). */
  arriving: boolean;
  draft: DraftView;
  /** Those of `fileIds` that are this person's uploads, with their kinds. */
  files: AttachmentRow[];
}

interface AttachmentRow {
  id: string;
  kind: string;
}

/**
 * The person's registration facts, whether they are collected, their draft, and which of
 * `fileIds` (the uploads a step names) are theirs — one statement instead of four queries.
 */
export async function readCollectionState(
  db: Db,
  personId: string,
  fileIds: readonly string[] = [],
): Promise<CollectionState> {
  const rows = await db.$queryRaw<
    {
      name: string;
      idType: string;
      idNumberMasked: string;
      gender: string | null;
      birthYear: number | null;
      idNumberCipher: string;
      regionCode: string;
      collected: boolean;
      arriving: boolean;
      steps: Prisma.JsonValue | null;
      completedSteps: string[] | null;
      revision: number | null;
      updatedAt: Date | null;
      files: AttachmentRow[];
    }[]
  >`
    SELECT p.name, p."idType", p."idNumberMasked", p.gender, p."birthYear", p."idNumberCipher",
      p."regionCode",
      EXISTS (SELECT 1 FROM "Archive" a WHERE a."personId" = p.id) AS collected,
      ${transferInUnderWaySql(Prisma.sql`p.id`)} AS arriving,
      d.steps, d."completedSteps", d.revision, d."updatedAt",
      COALESCE((
        SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind))
        FROM "Attachment" f WHERE f."personId" = p.id AND f.id = ANY(${[...fileIds]}::uuid[])
      ), '[]'::json) AS files
    FROM "Person" p LEFT JOIN "CollectionDraft" d ON d."personId" = p.id
    WHERE p.id = ${personId}::uuid`;
  const row = rows[0];
  if (!row) throw new Error("no such person");
  return {
    person: {
      name: row.name,
      idType: row.idType,
      idNumberMasked: row.idNumberMasked,
      gender: row.gender,
      birthYear: row.birthYear,
      birthDate: registeredBirthDate(row),
      regionCode: row.regionCode,
    },
    collected: row.collected,
    arriving: row.arriving,
    draft: draftView(
      row.revision === null
        ? null
        : {
            steps: row.steps,
            completedSteps: row.completedSteps ?? [],
            revision: row.revision,
            updatedAt: row.updatedAt!,
          },
    ),
    files: row.files,
  };
}

// --- Context ------------------------------------------------------------------------------------

export interface PersonFacts {
  idType: string;
  idNumberMasked: string;
  /** What the registered number encodes (registeredBirthDate); undefined when it carries none. */
  birthDate: string | undefined;
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
  const registered = person.birthDate;
  const entered = (steps.personal as { birthDate?: unknown } | undefined)?.birthDate;
  const birthDate =
    registered ?? (typeof entered === "string" && DAY.test(entered) ? entered : undefined);
  const nationality = nationalityFromDocument(person.idType, person.idNumberMasked);
  return {
    today: beijingToday(now),
    documentType: person.idType,
    ...(nationality ? { nationality } : { nationalityCodes: NATIONALITIES.codes }),
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

/** The ids of the uploads a step's data names (only 个人信息 names any today). */
export function stepFileIds(step: DataStepId, data: unknown): string[] {
  return step === "personal"
    ? [...new Set(attachmentRefs({ personal: data }).map((r) => r.id))]
    : [];
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
  const ids = stepFileIds(step, data);
  const rows =
    ids.length === 0
      ? []
      : await db.attachment.findMany({
          where: { personId, id: { in: ids } },
          select: { id: true, kind: true },
        });
  return attachmentProblemsIn(step, data, rows);
}

/** attachmentProblems against `files`: the person's uploads among those the data names. */
function attachmentProblemsIn(
  step: DataStepId,
  data: unknown,
  files: readonly AttachmentRow[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (step !== "personal") return problems;
  const kinds = new Map(files.map((r) => [r.id, r.kind]));
  for (const ref of attachmentRefs({ personal: data })) {
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

// --- Saving -------------------------------------------------------------------------------------

/** The checks both saves share; a refusal, or what they need. */
async function beforeSave(
  db: Db,
  personId: string,
  input: SaveStepInput,
): Promise<
  { ok: false; result: SaveRefusal } | { ok: true; step: DataStepId; state: CollectionState }
> {
  const refuse = (result: SaveRefusal) => ({ ok: false as const, result });
  if (!isDataStepId(input.step)) {
    return refuse({ ok: false, reason: "unknown-step", message: STEP_UNKNOWN });
  }
  if (JSON.stringify(input.data ?? null).length > MAX_STEP_JSON_CHARS) {
    return refuse({ ok: false, reason: "too-large", message: DRAFT_TOO_LARGE });
  }
  const state = await readCollectionState(db, personId, stepFileIds(input.step, input.data));
  const { draft } = state;
  if (state.collected)
    return refuse({ ok: false, reason: "collected", message: ALREADY_COLLECTED });
  if (input.revision !== "latest" && input.revision !== draft.revision) {
    return refuse({ ok: false, reason: "stale", message: DRAFT_STALE, revision: draft.revision });
  }
  if (!canOpenStep(input.step, draft.completed)) {
    return refuse({ ok: false, reason: "locked", message: STEP_LOCKED });
  }
  return { ok: true, step: input.step, state };
}

/** Step schemas already built, per region table (one per jurisdiction), by step and context. */
const schemaCache = new WeakMap<object, Map<string, z.ZodMiniType>>();
const SCHEMA_CACHE_SIZE = 256;

/**
 * stepSchema, kept for the next save with the same context: building a step's schema, and the
 * parser zod compiles on its first use, takes ~0.6 ms — most of a save's own CPU — while a
 * person's saves of a day all run with one context. The oldest entry goes first.
 */
function cachedStepSchema(step: DataStepId, context: CollectionContext): z.ZodMiniType {
  const { regions, ...rest } = context;
  let byKey = schemaCache.get(regions);
  if (!byKey) schemaCache.set(regions, (byKey = new Map()));
  const key = `${step}|${JSON.stringify(rest)}`;
  let schema = byKey.get(key);
  if (schema) {
    byKey.delete(key); // re-inserted below: most recently used last
  } else {
    schema = stepSchema(step, context);
    if (byKey.size >= SCHEMA_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  }
  byKey.set(key, schema);
  return schema;
}

/**
 * One step's input checked as 下一步 and 保存草稿 both need it: the step's schema for this
 * person, and its uploads being the person's own. The schema's message wins where both speak
 * about one field.
 */
function checkStep(
  step: DataStepId,
  state: CollectionState,
  data: unknown,
  now: Date,
): { ok: true; data: unknown } | { ok: false; refusal: SaveRefusal } {
  const parsed = cachedStepSchema(
    step,
    collectionContextFor(state.person, state.draft.steps, now),
  ).safeParse(data);
  const { [FORM_ERROR_KEY]: whole = "", ...fieldErrors } = {
    ...attachmentProblemsIn(step, data, state.files),
    ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)),
  };
  if (parsed.success && whole === "" && Object.keys(fieldErrors).length === 0) {
    return { ok: true, data: parsed.data };
  }
  return { ok: false, refusal: { ok: false, reason: "invalid", message: whole, fieldErrors } };
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
 * The save as one statement, atomic like a transaction but one round trip:
 * - `cur` locks the draft row before any file is locked (submit's order too: draft, then files,
 *   so the two never deadlock) and reads its latest revision, for the answer to a stale save;
 * - `files` locks the files the draft names when 下一步 needs them all present: a file the sweep
 *   deleted is missing here, and a sweep that comes later waits, then finds it claimed (its
 *   DELETE rechecks orphanedAt);
 * - `saved` writes the draft under the revision check — the first save inserts it, and racing
 *   first saves meet the unique personId index (ON CONFLICT: the loser writes nothing) — only when
 *   every such file is there;
 * - `marks` keeps Attachment.orphanedAt true to the draft, changing only rows whose mark changes:
 *   files the draft names are not orphans; this person's other collection files that no archive
 *   version keeps become orphans as of `now` (the sweep removes them after a grace period);
 * - the audit row.
 * `marks` and the audit row run only when `saved` wrote: a refused save changes nothing.
 */
function commitSql(
  ctx: RequestContext,
  c: Commit,
  { ids, mustClaim }: { ids: readonly string[]; mustClaim: boolean },
  now: Date,
): Prisma.Sql {
  const revision = c.from + 1;
  const steps = JSON.stringify(c.steps);
  const fileIds = [...ids];
  const onlyIfFilesPresent = Prisma.sql`(NOT ${mustClaim}::boolean OR (SELECT count(*) FROM files) = ${ids.length})`;
  const saved =
    c.from === 0
      ? Prisma.sql`
        INSERT INTO "CollectionDraft" (id, "personId", steps, "completedSteps", revision,
          "regionCode", "createdAt", "updatedAt")
        SELECT ${uuidv7(now.getTime())}::uuid, ${c.personId}::uuid, ${steps}::jsonb,
          ${c.completed}::text[], ${revision}, ${c.regionCode}, ${now}::timestamptz, ${now}::timestamptz
        WHERE ${onlyIfFilesPresent}
        ON CONFLICT ("personId") DO NOTHING
        RETURNING revision`
      : Prisma.sql`
        UPDATE "CollectionDraft" d SET steps = ${steps}::jsonb, "completedSteps" = ${c.completed}::text[],
          revision = ${revision}, "updatedAt" = ${now}::timestamptz
        WHERE d."personId" = ${c.personId}::uuid AND d.revision = ${c.from} AND ${onlyIfFilesPresent}
        RETURNING d.revision`;
  const audit = auditInsertSql(ctx, {
    actorType: "person",
    actorId: c.personId,
    action: c.action,
    outcome: "success",
    regionCode: c.regionCode,
    targetType: "collection-draft",
    targetId: c.personId,
    details: { step: c.step, revision },
  });
  return Prisma.sql`
    WITH cur AS (
      SELECT revision FROM "CollectionDraft" WHERE "personId" = ${c.personId}::uuid FOR UPDATE
    ), files AS (
      SELECT f.id FROM "Attachment" f
      WHERE ${mustClaim}::boolean AND (SELECT count(*) FROM cur) >= 0
        AND f."personId" = ${c.personId}::uuid AND f.id = ANY(${fileIds}::uuid[])
      FOR UPDATE
    ), saved AS (${saved}
    ), marks AS (
      UPDATE "Attachment" a
      SET "orphanedAt" = CASE WHEN a.id = ANY(${fileIds}::uuid[]) THEN NULL ELSE ${now}::timestamptz END
      WHERE EXISTS (SELECT 1 FROM saved) AND a."personId" = ${c.personId}::uuid
        AND CASE WHEN a.id = ANY(${fileIds}::uuid[]) THEN a."orphanedAt" IS NOT NULL
          ELSE a.kind = ANY(${[...COLLECTION_KINDS]}::text[]) AND a."orphanedAt" IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM "ArchiveVersionAttachment" v WHERE v."attachmentId" = a.id)
          END
    ), audit AS (${audit} FROM saved
    )
    SELECT (SELECT revision FROM saved) AS saved, (SELECT revision FROM cur) AS current,
      (SELECT count(*) FROM files)::int AS files`;
}

async function commitSave(db: Db, ctx: RequestContext, c: Commit, now: Date): Promise<SaveResult> {
  const ids = [...new Set(attachmentRefs(c.steps).map((r) => r.id))];
  const stepRefs = attachmentRefs({ [c.step]: c.steps[c.step] });
  const mustClaim = c.claimStepFiles && stepRefs.length > 0;
  type Row = { saved: number | null; current: number | null; files: number };
  const statement = commitSql(ctx, c, { ids, mustClaim }, now);
  // The first save starts 信息采集 (采集中): the console's search projection learns it in the same
  // transaction, under the person's row lock (taken first, as submit does). Later saves change
  // nothing it shows and stay one statement.
  const [row] =
    c.from === 0
      ? await db.$transaction(async (tx) => {
          await lockPersonRow(tx, c.personId);
          const rows = await tx.$queryRaw<[Row]>(statement);
          if (rows[0].saved !== null) await refreshPersonSearch(tx, c.personId, now);
          return rows;
        })
      : await db.$queryRaw<[Row]>(statement);
  if (row.saved !== null) {
    return {
      ok: true,
      revision: row.saved,
      completed: c.completed,
      resumeAt: firstIncompleteStep(c.completed),
    };
  }
  // A newer revision is stored (for a first save: any draft at all) — that answer comes first.
  const moved = row.current !== null && row.current !== c.from;
  if (mustClaim && row.files < ids.length && !moved) {
    return {
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: Object.fromEntries(
        stepRefs.map((r) => [r.role.replace(/^personal\./, ""), ATTACHMENT_INVALID]),
      ),
    };
  }
  // A racing first save committed after this statement began: only a fresh read sees it.
  const revision = row.current ?? (await loadDraft(db, c.personId)).revision;
  return { ok: false, reason: "stale", message: DRAFT_STALE, revision };
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
  const { step, state } = pre;
  const { draft } = state;

  const checked = checkStep(step, state, input.data, now);
  if (!checked.ok) return checked.refusal;
  return commitSave(
    db,
    ctx,
    {
      personId,
      regionCode: state.person.regionCode,
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
  const { step, state } = pre;
  const { draft } = state;

  const stillValid = draft.completed.includes(step) && checkStep(step, state, input.data, now).ok;
  return commitSave(
    db,
    ctx,
    {
      personId,
      regionCode: state.person.regionCode,
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
