import "server-only";
import { lockPersonRow, TRANSFER_IN_UNDER_WAY, transferInUnderWay } from "@/lib/person/locks";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { enqueue } from "@/lib/exchange/outbox";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { refreshPersonSearch } from "@/lib/search/projection";
import { birthYearOf } from "@/lib/identity/birth-date";
import { registeredBirthDate } from "@/lib/identity/registered-birth-date";
import { beijingToday } from "@/lib/time/beijing";
import { archiveProvince, formatArchiveNumber } from "./archive-number";
import { claimFiles } from "@/lib/upload/attachment-service";
import {
  ALREADY_COLLECTED,
  ATTACHMENT_INVALID,
  attachmentProblems,
  attachmentRefs,
  collectionContextFor,
  DRAFT_STALE,
  loadDraft,
} from "./draft-service";
import type { StepId } from "./steps";
import type { RegisteredPerson } from "./summary";
import { type CollectionRecord, type StepErrors, validateWholeRecord } from "./whole-record";

// Submit (issue 3): the whole draft is validated again on the server, then one transaction writes
// the archive (会计人员信息档案) with its immutable version 1 — a snapshot of everything and links
// to the files it shows — an archive number, the person's region, and the audit row. No review:
// the status is 信息已采集 at once. Later versions (信息变更, issue 4) go on top of version 1.

/** For the features that need an archive first (信息变更, 继续教育). */
export const NOT_COLLECTED = "您尚未完成信息采集，请先完成信息采集";

export const SUBMIT_INCOMPLETE = "信息尚未填写完整，请按提示修改后再提交";

export type SubmitResult =
  | { ok: true; archiveId: string; archiveNumber: string; version: number; collectedAt: Date }
  | Refusal<"collected" | "stale" | "arriving">
  /** Per step: the problems to show there (validateWholeRecord's shape). */
  | (Refusal<"incomplete"> & { errors: StepErrors });

/** What version 1 keeps: registration facts as they were, and each step's parsed data. */
export interface CollectionSnapshot extends CollectionRecord {
  /** Never the full birth date (issue 12, 3): the year; the day stays in the encrypted number. */
  person: Omit<RegisteredPerson, "birthDate">;
}

/** The registration facts a version keeps, as they stand on the person's row now. */
export function snapshotPerson(person: {
  name: string;
  idType: string;
  idNumberMasked: string;
  gender: string | null;
  birthYear: number | null;
}): CollectionSnapshot["person"] {
  return {
    name: person.name,
    idType: person.idType,
    idNumberMasked: person.idNumberMasked,
    gender: person.gender,
    birthYear: person.birthYear,
  };
}

// Reading a stored version back. Structural on purpose: the step schemas apply today's rules
// (dates up to today, the jurisdiction's regions, the current code tables, the 阅读须知 pledge),
// and a version confirmed under older rules is still the record of what was confirmed then.
// What the type promises is checked — objects, lists, strings, numbers — codes as any string
// (a code retired from a table keeps its old versions readable; CodeTable.label answers
// undefined for it), lists the step schemas default to [] read as [] when missing, and keys this
// schema does not know are kept, so a new version carries them on unchanged.

const text = z.string();
const optionalText = z.string().optional();
const list = <T extends z.ZodType>(entry: T) => z.array(entry).default([]);
const educationEntry = z.looseObject({
  level: text,
  degree: text,
  school: text,
  major: text,
  enrolledOn: text,
  graduatedOn: text,
  inStudy: z.boolean().default(false),
});

const storedSnapshotSchema = z.looseObject({
  // A file another platform sent before issue 12 may still hold the full date: only its year
  // is read, and the date is dropped so no version built on it stores it again.
  person: z
    .looseObject({
      name: text,
      idType: text,
      idNumberMasked: text,
      gender: text.nullable(),
      birthYear: z.number().int().nullable().optional(),
      birthDate: text.nullable().optional(),
    })
    .transform(({ birthDate, birthYear, ...rest }) => ({
      ...rest,
      birthYear: birthYear ?? birthYearOf(birthDate),
    })),
  // 阅读须知 as it was when the version was written: older records may hold no pledge.
  notice: z.looseObject({ truthPledge: z.literal(true).optional() }),
  personal: z.looseObject({
    ethnicGroup: text,
    politicalStatus: text,
    email: text,
    // Kept for every document since the wizard; versions written before it have none.
    nationality: optionalText,
    gender: optionalText,
    birthDate: optionalText,
    headshotId: text,
    documentPageIds: z.record(text, text),
    studentCardId: optionalText,
  }),
  education: z.looseObject({ fullTime: z.array(educationEntry), partTime: list(educationEntry) }),
  work: z.looseObject({
    status: text,
    regionCode: text,
    employerName: optionalText,
    employerCreditCode: optionalText,
    postKind: optionalText,
    accountingSinceYear: z.number().optional(),
    schoolName: optionalText,
  }),
  professional: z.looseObject({
    isCpa: z.boolean(),
    isTaxAdvisor: z.boolean(),
    isAssetAppraiser: z.boolean(),
    abacusLevel: text,
    qualifications: list(
      z.looseObject({
        type: text,
        level: text,
        method: text,
        year: z.number(),
        certificateNo: text,
      }),
    ),
    talents: list(
      z.looseObject({
        type: text,
        selectedYear: z.number(),
        status: text,
        graduatedYear: z.number().optional(),
      }),
    ),
  }),
  awards: z.looseObject({
    awards: list(z.looseObject({ name: text, level: text, year: z.number() })),
  }),
});

/**
 * An ArchiveVersion's `snapshot` as stored, checked: throws (a ZodError naming the path) on
 * anything that is not a snapshot — a corrupted version must not be shown or built upon.
 */
export function parseSnapshot(json: unknown): CollectionSnapshot {
  // The stored shape is the type's with codes as plain strings: the one narrowing left.
  return storedSnapshotSchema.parse(json) as CollectionSnapshot;
}

export async function submitCollection(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  now = new Date(),
  /** Tell the national exchange (a platform that has one: file-registry.ts exchangeConfigured). */
  registerFile = false,
): Promise<SubmitResult> {
  const personId = session.personId;
  const collected = { ok: false, reason: "collected", message: ALREADY_COLLECTED } as const;
  const [person, archive, draft] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId } }),
    db.archive.findUnique({ where: { personId }, select: { id: true } }),
    loadDraft(db, personId),
  ]);
  if (archive) return collected;
  if (await transferInUnderWay(db, personId)) {
    return { ok: false, reason: "arriving", message: TRANSFER_IN_UNDER_WAY };
  }

  const facts = { ...person, birthDate: registeredBirthDate(person) };
  const checked = validateWholeRecord(draft.steps, collectionContextFor(facts, draft.steps, now));
  const errors: StepErrors = checked.ok ? {} : { ...checked.errors };
  if (checked.ok) {
    const files = await attachmentProblems(db, personId, "personal", checked.record.personal);
    const issues = Object.entries(files).map(([path, message]) => ({
      path: path.split("."),
      message,
    }));
    if (issues.length > 0) errors.personal = issues;
  }
  if (!checked.ok || Object.keys(errors).length > 0) {
    return { ok: false, reason: "incomplete", message: SUBMIT_INCOMPLETE, errors };
  }

  const record = checked.record;
  const refs = attachmentRefs(record as unknown as Record<string, unknown>);
  const snapshot: CollectionSnapshot = { person: snapshotPerson(person), ...record };
  const regionCode = record.work.regionCode;

  return refusableTransaction<SubmitResult>(
    db,
    async (tx, refuse) => {
      // A 调入 confirmed meanwhile (in-confirm.ts takes the same row lock): its file is the record.
      await lockPersonRow(tx, personId);
      if (await transferInUnderWay(tx, personId)) {
        return refuse({ ok: false, reason: "arriving", message: TRANSFER_IN_UNDER_WAY });
      }
      // Closes the draft at the revision validated above: a save from another tab in between
      // makes this submit stale rather than archiving data nobody checked.
      const bumped = await tx.collectionDraft.updateMany({
        where: { personId, revision: draft.revision },
        data: { revision: { increment: 1 }, regionCode },
      });
      if (bumped.count === 0) {
        // Another submit of the same draft won the race: that is "already collected", not a change.
        const won = await tx.archive.findUnique({ where: { personId }, select: { id: true } });
        return refuse(won ? collected : { ok: false, reason: "stale", message: DRAFT_STALE });
      }

      if (!(await claimFiles(tx, personId, refs))) {
        return refuse({
          ok: false,
          reason: "incomplete",
          message: SUBMIT_INCOMPLETE,
          errors: {
            personal: refs.map((r) => ({
              path: r.role.split(".").slice(1),
              message: ATTACHMENT_INVALID,
            })),
          },
        });
      }

      const [{ serial }] = await tx.$queryRaw<[{ serial: bigint }]>`
        SELECT nextval('archive_number_seq') AS serial`;
      const archiveNumber = formatArchiveNumber({
        province: archiveProvince(getJurisdiction().code),
        year: Number(beijingToday(now).slice(0, 4)),
        serial: Number(serial),
      });
      const created = await tx.archive.create({
        data: {
          personId,
          archiveNumber,
          regionCode,
          currentVersion: 1,
          collectedAt: now,
          versions: {
            create: {
              version: 1,
              snapshot: snapshot as unknown as Prisma.InputJsonObject,
              channel: "collection",
              actorType: "person",
              actorId: personId,
              regionCode,
              createdAt: now,
              attachments: {
                create: refs.map((r) => ({ role: r.role, attachmentId: r.id })),
              },
            },
          },
        },
        select: { id: true },
      });
      // 所属行政区划 from 工作信息 becomes the person's region (it was the province until now).
      await tx.person.update({ where: { id: personId }, data: { regionCode } });
      await refreshPersonSearch(tx, personId, now);
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "collection.submit",
        outcome: "success",
        regionCode,
        targetType: "archive",
        targetId: created.id,
        details: { archiveNumber, version: 1, attachments: new Set(refs.map((r) => r.id)).size },
      });
      // The exchange learns this platform now holds the person's active file.
      if (registerFile) {
        await enqueue(
          tx,
          {
            recipient: "hub",
            kind: "file.register",
            // The 证件号码 is read from the person when the message is sent, never stored in it.
            payload: { personId, regionCode },
          },
          now,
        );
      }
      return { ok: true, archiveId: created.id, archiveNumber, version: 1, collectedAt: now };
    },
    // Two submits racing past the first check: the unique personId index decides.
    { onUniqueViolation: () => collected, uniqueOn: "personId" },
  );
}

export type CollectionStatus =
  | { status: "未采集" }
  /** Shown as 采集中（已保存草稿）. */
  | { status: "采集中"; resumeAt: StepId; savedAt: Date | null }
  | { status: "信息已采集"; archiveId: string; archiveNumber: string; collectedAt: Date };

export async function collectionStatus(db: Db, personId: string): Promise<CollectionStatus> {
  const archive = await db.archive.findUnique({
    where: { personId },
    select: { id: true, archiveNumber: true, collectedAt: true },
  });
  if (archive) {
    return {
      status: "信息已采集",
      archiveId: archive.id,
      archiveNumber: archive.archiveNumber,
      collectedAt: archive.collectedAt,
    };
  }
  const view = await loadDraft(db, personId);
  if (view.updatedAt === null) return { status: "未采集" };
  return { status: "采集中", resumeAt: view.resumeAt, savedAt: view.updatedAt };
}

/**
 * The person's archive at its current version (完成, printing, 人员详情), or null. The registration
 * facts as stored: the birth year, never the day — staff read this too.
 */
export async function currentArchive(db: Db, personId: string) {
  const archive = await db.archive.findUnique({ where: { personId } });
  if (!archive) return null;
  const version = await db.archiveVersion.findUniqueOrThrow({
    where: { archiveId_version: { archiveId: archive.id, version: archive.currentVersion } },
    include: { attachments: { select: { role: true, attachmentId: true } } },
  });
  return {
    archiveId: archive.id,
    archiveNumber: archive.archiveNumber,
    regionCode: archive.regionCode,
    collectedAt: archive.collectedAt,
    version: version.version,
    snapshot: parseSnapshot(version.snapshot),
    attachments: version.attachments,
  };
}

/**
 * currentArchive for the owner's own 我的档案: with the full birth date, read from their
 * encrypted number (null when the document does not carry one).
 */
export async function ownArchive(db: Db, personId: string) {
  const [archive, owner] = await Promise.all([
    currentArchive(db, personId),
    db.person.findUniqueOrThrow({
      where: { id: personId },
      select: { idType: true, idNumberCipher: true },
    }),
  ]);
  if (!archive) return null;
  const person: RegisteredPerson = {
    ...archive.snapshot.person,
    birthDate: registeredBirthDate(owner) ?? null,
  };
  return { ...archive, snapshot: { ...archive.snapshot, person } };
}
