import "server-only";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import {
  type CollectionSnapshot,
  NOT_COLLECTED,
  parseSnapshot,
} from "@/lib/collection/archive-service";
import {
  ATTACHMENT_INVALID,
  attachmentProblems,
  attachmentRefs,
  collectionContextFor,
  type PersonFacts,
} from "@/lib/collection/draft-service";
import { claimFiles } from "@/lib/upload/attachment-service";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { registeredBirthDate } from "@/lib/identity/registered-birth-date";
import { regionName } from "@/lib/region/divisions";
import { refreshPersonSearch } from "@/lib/search/projection";
import { diffStep, type FieldChange, parseFieldChanges } from "./diff";
import type { CollectionContext } from "@/lib/collection/rules";
import {
  changeItem,
  EDIT_INVALID,
  entryPath,
  type ItemRef,
  itemRefLabel,
  itemRefProblem,
  itemValues,
  NOT_CHANGEABLE,
  parseItemRef,
  validateItemEdit,
} from "./items";
import { type EditLocks, editLocks, lockedEditLocks, REGION_LOCKED } from "@/lib/person/locks";

// 信息变更 (用户操作手册 3.1; issue 4): one information item, or one entry of a list, is edited
// and saved as a new archive version on top of the current one. Validation is the collection's
// (validateItemEdit: the step's schema, the cross-step rules, the immutable fields); then the two
// locks, the person's own files, and — in one transaction — the version check, the new immutable
// ArchiveVersion with its field-level `changes`, the files it shows, and the audit row.

export const CHANGE_STALE =
  "该信息已在其他页面或设备上变更，下面显示的是当前信息，请核对后重新修改";
export const NO_CHANGE = "信息未发生变化，无需保存";

export type ChangeResult =
  | { ok: true; version: number; changes: FieldChange[] }
  /**
   * fieldErrors: dotted paths of the change form — step-relative ("regionCode"), or, for a list
   * entry, relative to the entry ("school"), since its form holds only the entry.
   */
  | (Refusal<"invalid"> & { fieldErrors: Record<string, string> })
  | Refusal<"locked" | "not-collected" | "unchanged">
  /** Another save came first: `version` and `current` are what is stored now. */
  | (Refusal<"stale"> & { version: number; current: unknown });

export interface ChangeInput {
  /** An ItemRef ({ step, list?, index? }); parsed here, never trusted. */
  ref: unknown;
  /** The edited values of the item (one entry for a list entry; null removes the entry). */
  data: unknown;
  /** The archive version the page showed. */
  baseVersion: number;
}

const regionLabel = (code: string) => regionName(code) ?? code;

interface Current {
  person: PersonFacts;
  archive: { id: string; currentVersion: number };
  locks: EditLocks;
  version: number;
  snapshot: CollectionSnapshot;
}

/** The person's current archive version and what editing it depends on; null before collection. */
async function loadCurrent(db: Db, personId: string): Promise<Current | null> {
  const [person, archive, locks] = await Promise.all([
    db.person.findUniqueOrThrow({
      where: { id: personId },
      select: { idType: true, idNumberMasked: true, idNumberCipher: true },
    }),
    db.archive.findUnique({ where: { personId }, select: { id: true, currentVersion: true } }),
    editLocks(db, personId),
  ]);
  if (!archive) return null;
  const current = await db.archiveVersion.findUniqueOrThrow({
    where: { archiveId_version: { archiveId: archive.id, version: archive.currentVersion } },
    select: { snapshot: true },
  });
  return {
    person: {
      idType: person.idType,
      idNumberMasked: person.idNumberMasked,
      birthDate: registeredBirthDate(person),
    },
    archive,
    locks,
    version: archive.currentVersion,
    snapshot: parseSnapshot(current.snapshot),
  };
}

/** A stale save's answer: what is stored now for the item. */
function staleResult(version: number, snapshot: CollectionSnapshot, ref: ItemRef): ChangeResult {
  return {
    ok: false,
    reason: "stale",
    message: CHANGE_STALE,
    version,
    current: itemRefProblem(snapshot, ref) ? null : itemValues(snapshot, ref),
  };
}

/**
 * The edited step's errors keyed as the change form keys its fields. An entry's form holds only
 * the entry, so "fullTime.1.school" is "school" there; the step's own form holds the fields
 * outside its lists. Anything outside the form (another entry, the list itself, a removed entry)
 * goes into the message instead, named by its list and entry, so it is still said and found.
 */
function formErrors(
  snapshot: CollectionSnapshot,
  ref: ItemRef,
  removing: boolean,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): { fieldErrors: Record<string, string>; elsewhere: string[] } {
  const errors = fieldErrorsFromIssues(issues);
  const entry = entryPath(snapshot, ref);
  const lists = changeItem(ref.step).lists;
  const inForm = (key: string): string | null => {
    if (removing) return null;
    if (entry !== null) return key.startsWith(`${entry}.`) ? key.slice(entry.length + 1) : null;
    return lists.some((l) => key === l.key || key.startsWith(`${l.key}.`)) ? null : key;
  };
  const fieldErrors: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const field = inForm(key);
    if (field !== null) {
      fieldErrors[field] = message;
      continue;
    }
    const [listKey, index] = key.split(".");
    const list = lists.find((l) => l.key === listKey);
    const where =
      list && /^\d+$/.test(index ?? "") ? `${list.label}第${Number(index) + 1}条：` : "";
    elsewhere.push(`${where}${message}`);
  }
  return { fieldErrors, elsewhere };
}

export async function changeArchiveItem(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: ChangeInput,
  now = new Date(),
): Promise<ChangeResult> {
  const personId = session.personId;
  const ref = parseItemRef(input.ref);
  if (!ref) return { ok: false, reason: "invalid", message: NOT_CHANGEABLE, fieldErrors: {} };

  const loaded = await loadCurrent(db, personId);
  if (!loaded) return { ok: false, reason: "not-collected", message: NOT_COLLECTED };
  const { person, archive, locks, snapshot } = loaded;
  if (locks.transfer) return { ok: false, reason: "locked", message: locks.transfer };
  const stale = () => staleResult(archive.currentVersion, snapshot, ref);
  if (input.baseVersion !== archive.currentVersion) return stale();

  const problem = itemRefProblem(snapshot, ref);
  if (problem) return { ok: false, reason: "invalid", message: problem, fieldErrors: {} };

  const context = collectionContextFor(person, { personal: snapshot.personal }, now);
  const edit = validateItemEdit(snapshot, ref, input.data, context);
  if (!edit.ok) {
    const own = formErrors(snapshot, ref, input.data === null, edit.errors[ref.step] ?? []);
    const others = Object.entries(edit.errors)
      .filter(([step]) => step !== ref.step)
      .flatMap(([, issues]) => (issues ?? []).map((i) => i.message));
    return {
      ok: false,
      reason: "invalid",
      message: [edit.message, ...own.elsewhere, ...others].join("；"),
      fieldErrors: own.fieldErrors,
    };
  }
  const next = edit.snapshot;
  const regionChanged = next.work.regionCode !== snapshot.work.regionCode;
  if (regionChanged && locks.region) {
    return {
      ok: false,
      reason: "invalid",
      message: EDIT_INVALID,
      fieldErrors: { regionCode: REGION_LOCKED },
    };
  }
  if (ref.step === "personal") {
    const files = await attachmentProblems(db, personId, "personal", next.personal);
    if (Object.keys(files).length > 0) {
      return { ok: false, reason: "invalid", message: EDIT_INVALID, fieldErrors: files };
    }
  }
  const changes = diffStep(ref.step, snapshot, next, { regionLabel });
  if (changes.length === 0) return { ok: false, reason: "unchanged", message: NO_CHANGE };

  const version = archive.currentVersion + 1;
  const regionCode = next.work.regionCode;
  const refs = attachmentRefs(next as unknown as Record<string, unknown>);
  const saved = await refusableTransaction<ChangeResult>(
    db,
    async (tx, refuse) => {
      // The locks again, under the person's row lock: the checks above were a fast path.
      const held = await lockedEditLocks(tx, personId);
      if (held.transfer) return refuse({ ok: false, reason: "locked", message: held.transfer });
      if (regionChanged && held.region) {
        return refuse({
          ok: false,
          reason: "invalid",
          message: EDIT_INVALID,
          fieldErrors: { regionCode: REGION_LOCKED },
        });
      }
      const bumped = await tx.archive.updateMany({
        where: { id: archive.id, currentVersion: archive.currentVersion },
        data: { currentVersion: version, regionCode },
      });
      if (bumped.count === 0) return refuse(stale());
      // The files of the new version stay (the old version keeps its own); a new upload swept
      // since the check above (its grace period ran out) cannot be shown.
      if (!(await claimFiles(tx, personId, refs))) {
        return refuse({
          ok: false,
          reason: "invalid",
          message: ATTACHMENT_INVALID,
          fieldErrors: {},
        });
      }
      const created = await tx.archiveVersion.create({
        data: {
          archiveId: archive.id,
          version,
          snapshot: next as unknown as Prisma.InputJsonObject,
          channel: "change",
          actorType: "person",
          actorId: personId,
          regionCode,
          createdAt: now,
          changes: changes as unknown as Prisma.InputJsonArray,
          attachments: { create: refs.map((r) => ({ role: r.role, attachmentId: r.id })) },
        },
        select: { id: true },
      });
      if (regionChanged) await tx.person.update({ where: { id: personId }, data: { regionCode } });
      await refreshPersonSearch(tx, personId, now);
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "archive.change",
        outcome: "success",
        regionCode,
        targetType: "archive-version",
        targetId: created.id,
        // Which item and how many fields — never the values (they are personal data).
        details: { version, item: itemRefLabel(ref), fields: changes.map((c) => c.path) },
      });
      return { ok: true, version, changes };
    },
    // Two saves on the same version: the unique (archiveId, version) index decides.
    { onUniqueViolation: stale, uniqueOn: "version" },
  );
  if (saved.ok || saved.reason !== "stale") return saved;
  // Another save came first: answer with what it stored, read once the transaction is over
  // (inside it only `tx` may be used).
  const latest = await loadCurrent(db, personId);
  return staleResult(latest!.version, latest!.snapshot, ref);
}

export interface HistoryEntry {
  version: number;
  at: Date;
  channel: string;
  actorType: string;
  changes: FieldChange[];
}

/** 变更记录: every version after the collection, newest first. */
export async function changeHistory(db: Db, personId: string): Promise<HistoryEntry[]> {
  const archive = await db.archive.findUnique({ where: { personId }, select: { id: true } });
  if (!archive) return [];
  const versions = await db.archiveVersion.findMany({
    where: { archiveId: archive.id, version: { gt: 1 } },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, channel: true, actorType: true, changes: true },
  });
  return versions.map((v) => ({
    version: v.version,
    at: v.createdAt,
    channel: v.channel,
    actorType: v.actorType,
    changes: parseFieldChanges(v.changes),
  }));
}

export type OpenedItem =
  | { kind: "not-collected" }
  | { kind: "gone"; message: string }
  | {
      kind: "open";
      ref: ItemRef;
      /** The archive version shown: the save names it. */
      version: number;
      snapshot: CollectionSnapshot;
      /** The item's current values for the form (undefined for a new entry). */
      values: unknown;
      context: CollectionContext;
      locks: EditLocks;
    };

/** What the 变更信息 page of one item needs, read from the current archive version. */
export async function openChangeItem(
  db: Db,
  personId: string,
  rawRef: unknown,
  now = new Date(),
): Promise<OpenedItem> {
  const ref = parseItemRef(rawRef);
  if (!ref) return { kind: "gone", message: NOT_CHANGEABLE };
  const loaded = await loadCurrent(db, personId);
  if (!loaded) return { kind: "not-collected" };
  const { person, locks, snapshot, version } = loaded;
  const problem = itemRefProblem(snapshot, ref);
  if (problem) return { kind: "gone", message: problem };
  return {
    kind: "open",
    ref,
    version,
    snapshot,
    values: itemValues(snapshot, ref),
    context: collectionContextFor(person, { personal: snapshot.personal }, now),
    locks,
  };
}
