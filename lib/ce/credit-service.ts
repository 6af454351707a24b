import type { SessionPerson } from "@/lib/account/session-service";
import { type AuditEntry, type RequestContext, writeAudit, writeAudits } from "@/lib/audit/audit";
import { lockPersonRow, transferLockReason } from "@/lib/person/locks";
import { type CollectionSnapshot, NOT_COLLECTED } from "@/lib/collection/archive-service";
import { isAttachmentId } from "@/lib/upload/attachment-service";
import { ATTACHMENT_INVALID, fieldErrorsOf } from "@/lib/collection/draft-service";
import { OUTSIDE_REGION, regionWithin, type StaffScope } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { beijingToday } from "@/lib/time/beijing";
import {
  type AnyClaimInput,
  anyClaimSchema,
  CE_CATEGORIES,
  type CeCategory,
  type CeClaimContext,
  CHOOSE_KIND,
  CLAIM_KINDS,
  categoryFor,
  claimCredits,
  courseEntrySchema,
  type CourseEntryInput,
  CREDIT_KINDS,
  type CreditKindCode,
  isClaimKind,
} from "./credit-kinds";
import { obligationStartYear } from "./obligation";
import { type ReviewDecision, reviewDecisionSchema } from "./review-rules";
import { type CeThresholds, getCeThresholds } from "./thresholds";
import { type CreditRecord, hasInProgressData, type YearSummary, yearSummary } from "./year-status";
import { CE_RECORD_STATES, type CeRecordState } from "@/lib/codes/ce-record-state";

// 继续教育 records (issue 4): the accountant's claims with evidence (exam, conference, degree
// course, paper), which finance staff of the person's region recognise or reject, and provider
// courses that finance staff enter (学习中) and mark finished (已学完). Every write first takes the
// person's row lock and refuses while a transfer-out is under way (lib/change/locks.ts), and writes
// its audit row in the same transaction. enrolled and claimed records are 在途未完成数据: they lock
// the person's region until finished, recognised, rejected or withdrawn.
//
// Withdrawal deletes the claim. A withdrawn claim never counted and never was reviewed, so there is
// nothing to keep but the fact, which the audit row keeps; CeCredit.state stays the five codes of
// CE_RECORD_STATES that every reader knows; and the evidence, no longer referred to, becomes an
// orphan again that the upload sweep removes after its grace period.

export const DUPLICATE_CLAIM = "该项学分已申报过，请勿重复申报";
export const DUPLICATE_COURSE = "该会计人员本年度已登记过这门课程，请勿重复登记";
/** Kinds that count once whatever the year: one exam subject passed, one paper published. */
const ONCE_EVER: ReadonlySet<string> = new Set(["EXAM", "PAPER"]);
export const CLAIM_INVALID = "申报信息有误，请按提示修改";
export const CREDIT_NOT_FOUND = "没有找到这条继续教育记录";
export const NOT_WITHDRAWABLE = "该申报已审核，不能撤回";
export const ALREADY_REVIEWED = "该申报已审核，不能重复审核";
export const NOT_ENROLLED = "该课程不是“学习中”状态，不能标记为已学完";
/** The transfer lock as finance staff read it (the accountant's own words say 您). */
export const PERSON_TRANSFER_LOCKED = "该会计人员已申请调出，调转完成前不能办理继续教育业务";
export const PERSON_NOT_COLLECTED = "该会计人员尚未完成信息采集，不能登记继续教育学分";

export type CeResult<T extends object = object> =
  | ({ ok: true } & T)
  /** fieldErrors: the form's dotted paths ("year", "attachmentId", "reason"). */
  | { ok: false; reason: "invalid"; message: string; fieldErrors: Record<string, string> }
  | {
      ok: false;
      reason: "locked" | "not-collected" | "not-found" | "forbidden" | "state";
      message: string;
    };

type Refusal = Exclude<CeResult, { ok: true }>;

/** Thrown inside a transaction to roll it back and return the refusal. */
export class Refused extends Error {
  constructor(readonly result: Refusal) {
    super("refused");
  }
}

// --- Reading -------------------------------------------------------------------------------------

/** The first year the person must earn credits, from their current archive (null: none). */
export async function ceObligationStart(db: Db, personId: string): Promise<number | null> {
  // Every version, not only the current one: an obligation once started does not move later
  // because 在岗状态 changed or a qualification entry was removed in 信息变更.
  const versions = await db.archiveVersion.findMany({
    where: { archive: { personId } },
    select: { snapshot: true },
  });
  const starts = versions
    .map(({ snapshot }) => {
      const { professional, work } = snapshot as unknown as CollectionSnapshot;
      return obligationStartYear({
        qualificationYears: (professional?.qualifications ?? []).map((q) => Number(q.year)),
        accountingSinceYear: (work as { accountingSinceYear?: number } | undefined)
          ?.accountingSinceYear,
      });
    })
    .filter((y): y is number => y !== null);
  return starts.length > 0 ? Math.min(...starts) : null;
}

export interface CeRecordView {
  id: string;
  year: number;
  kind: CreditKindCode;
  kindLabel: string;
  category: CeCategory;
  categoryLabel: string;
  credits: number;
  state: CeRecordState;
  stateLabel: string;
  title: string;
  reviewReason: string | null;
  evidenceId: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  /** The accountant may still withdraw it (a claim awaiting recognition). */
  withdrawable: boolean;
}

export interface CeYearView extends YearSummary {
  /** This year's records, newest first. */
  records: CeRecordView[];
}

export interface CeOverview {
  obligationStartYear: number | null;
  thresholds: CeThresholds;
  /** From the obligation start (or the first year with a record, if earlier) to this year, newest first. */
  years: CeYearView[];
  /** 在途未完成数据 exist (the region lock's test). */
  inProgress: boolean;
  /** The transfer lock's message: 继续教育 is view-only while set. */
  locked: string | null;
}

type CreditRow = Awaited<ReturnType<typeof loadRows>>[number];

function loadRows(db: Db, personId: string) {
  return db.ceCredit.findMany({ where: { personId }, orderBy: { createdAt: "desc" } });
}

function recordView(r: CreditRow): CeRecordView {
  const kind = r.kind as CreditKindCode;
  const category = r.category as CeCategory;
  const state = r.state as CeRecordState;
  return {
    id: r.id,
    year: r.year,
    kind,
    kindLabel: CREDIT_KINDS.label(kind) ?? kind,
    category,
    categoryLabel: CE_CATEGORIES.label(category) ?? category,
    credits: r.credits.toNumber(),
    state,
    stateLabel: CE_RECORD_STATES.label(state) ?? state,
    title: r.title,
    reviewReason: r.reviewReason,
    evidenceId: r.evidenceId,
    createdAt: r.createdAt,
    reviewedAt: r.reviewedAt,
    withdrawable: state === "claimed",
  };
}

/** 继续教育 page: each year's requirement, earned credits, state and records. */
export async function ceOverview(db: Db, personId: string, now = new Date()): Promise<CeOverview> {
  const [person, start, rows] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { transferState: true } }),
    ceObligationStart(db, personId),
    loadRows(db, personId),
  ]);
  const today = beijingToday(now);
  const thisYear = Number(today.slice(0, 4));
  const thresholds = getCeThresholds();
  const records = rows.map(recordView);
  const credits: CreditRecord[] = records.map((r) => ({
    year: r.year,
    category: r.category,
    credits: r.credits,
    state: r.state,
  }));

  const firstYear = Math.min(
    start ?? thisYear + 1,
    ...records.map((r) => r.year).filter((y) => y <= thisYear),
  );
  const years: CeYearView[] = [];
  for (let year = thisYear; year >= firstYear; year--) {
    years.push({
      ...yearSummary({ year, records: credits, thresholds, obligationStartYear: start, today }),
      records: records.filter((r) => r.year === year),
    });
  }
  return {
    obligationStartYear: start,
    thresholds,
    years,
    inProgress: hasInProgressData(credits),
    locked: transferLockReason(person.transferState),
  };
}

// --- Shared write steps ---------------------------------------------------------------------------

/**
 * Locks the person's row for the rest of the transaction and returns its region; refuses while a
 * transfer-out is under way. The row lock orders this write against the transfer setting its state
 * and a 信息变更 moving the person's region.
 */
async function lockPerson(
  tx: Tx,
  personId: string,
  by: "person" | "staff",
): Promise<{ regionCode: string }> {
  const person = await lockPersonRow(tx, personId);
  if (!person) throw new Refused({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
  const locked = transferLockReason(person.transferState);
  if (locked) {
    const message = by === "person" ? locked : PERSON_TRANSFER_LOCKED;
    throw new Refused({ ok: false, reason: "locked", message });
  }
  return { regionCode: person.regionCode };
}

export async function refusing<T extends object>(
  work: () => Promise<CeResult<T>>,
): Promise<CeResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

const invalid = (fieldErrors: Record<string, string>, message = CLAIM_INVALID): Refusal => ({
  ok: false,
  reason: "invalid",
  message,
  fieldErrors,
});

async function claimContext(
  db: Db,
  personId: string,
  now: Date,
  reader: CeClaimContext["reader"],
): Promise<CeClaimContext | null> {
  const archive = await db.archive.findUnique({ where: { personId }, select: { id: true } });
  if (!archive) return null;
  const obligationStartYear = await ceObligationStart(db, personId);
  return { today: beijingToday(now), obligationStartYear, reader };
}

// --- The accountant's claims ---------------------------------------------------------------------

/** What a claim is called in lists: exam and subject, conference, course or paper title. */
export function claimTitle(claim: AnyClaimInput): string {
  switch (claim.kind) {
    case "EXAM":
      return `${claim.examName}（${claim.subject}）`;
    case "CONFERENCE":
      return claim.name;
    case "DEGREE_COURSE":
      return claim.courseName;
    case "PAPER":
      return claim.title;
  }
}

/** 学分申报: parses the claim, checks the evidence is the person's own, stores it as 待认定. */
export async function submitClaim(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  rawInput: unknown,
  now = new Date(),
): Promise<CeResult<{ id: string }>> {
  const personId = session.personId;
  const context = await claimContext(db, personId, now, "self");
  if (!context) return { ok: false, reason: "not-collected", message: NOT_COLLECTED };

  const kind = (rawInput as { kind?: unknown } | null)?.kind;
  if (!isClaimKind(kind)) {
    return invalid({ kind: CHOOSE_KIND });
  }
  const parsed = anyClaimSchema(context).safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error.issues));
  const claim = parsed.data;
  if (!isAttachmentId(claim.attachmentId)) return invalid({ attachmentId: ATTACHMENT_INVALID });
  const credits = claimCredits(claim);
  const category = categoryFor(claim.kind);

  return refusing(() =>
    db.$transaction(async (tx) => {
      const { regionCode } = await lockPerson(tx, personId, "person");
      // One exam subject or paper counts once in a lifetime; a conference or degree course once a
      // year. Under the person's row lock, so two quick submits cannot both pass.
      const title = claimTitle(claim).slice(0, 200);
      const duplicate = await tx.ceCredit.count({
        where: {
          personId,
          kind: claim.kind,
          title: { equals: title, mode: "insensitive" },
          state: { in: ["claimed", "recognised"] },
          ...(ONCE_EVER.has(claim.kind) ? {} : { year: claim.year }),
        },
      });
      if (duplicate > 0) {
        throw new Refused({ ok: false, reason: "state", message: DUPLICATE_CLAIM });
      }
      // Only the person's own evidence upload; claiming it keeps it from the orphan sweep.
      const evidence = await tx.attachment.updateMany({
        where: { id: claim.attachmentId, personId, kind: "ce-evidence" },
        data: { orphanedAt: null },
      });
      if (evidence.count === 0) throw new Refused(invalid({ attachmentId: ATTACHMENT_INVALID }));
      const created = await tx.ceCredit.create({
        data: {
          personId,
          regionCode,
          year: claim.year,
          kind: claim.kind,
          category,
          credits: credits.toFixed(1),
          state: "claimed",
          title,
          details: claim as unknown as Prisma.InputJsonObject,
          evidenceId: claim.attachmentId,
          createdAt: now,
        },
        select: { id: true },
      });
      await audit(tx, ctx, personAudit(personId, regionCode), "ce.claim-submit", created.id, {
        kind: claim.kind,
        year: claim.year,
        credits,
        evidenceId: claim.attachmentId,
      });
      return { ok: true as const, id: created.id };
    }),
  );
}

/** 撤回: the person's own claim, while it awaits recognition; the evidence becomes an orphan again. */
export async function withdrawClaim(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  id: string,
  now = new Date(),
): Promise<CeResult> {
  const personId = session.personId;
  return refusing(() =>
    db.$transaction(async (tx) => {
      const { regionCode } = await lockPerson(tx, personId, "person");
      const claim = await ownCredit(tx, id, { personId });
      if (!claim || !(CLAIM_KINDS as readonly string[]).includes(claim.kind)) {
        throw new Refused({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
      }
      const removed = await tx.ceCredit.deleteMany({ where: { id, state: "claimed" } });
      if (removed.count === 0) {
        throw new Refused({ ok: false, reason: "state", message: NOT_WITHDRAWABLE });
      }
      if (claim.evidenceId) {
        // Another claim may show the same certificate; then the file is still in use.
        await tx.attachment.updateMany({
          where: { id: claim.evidenceId, ceCredits: { none: {} } },
          data: { orphanedAt: now },
        });
      }
      await audit(tx, ctx, personAudit(personId, regionCode), "ce.claim-withdraw", id, {
        kind: claim.kind,
        year: claim.year,
        evidenceId: claim.evidenceId,
      });
      return { ok: true as const };
    }),
  );
}

// --- Finance staff -------------------------------------------------------------------------------

/** 认定 / 不予认定 of a claim of the reviewer's region; a rejection states its reason. */
export async function reviewClaim(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffScope,
  id: string,
  decision: ReviewDecision,
  reason: string | undefined,
  now = new Date(),
): Promise<CeResult> {
  const parsed = reviewDecisionSchema.safeParse({ decision, reason: reason ?? "" });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues);
    return invalid(errors, Object.values(errors)[0]);
  }
  const text = parsed.data.reason || null;
  return refusing(() =>
    db.$transaction(async (tx) => {
      const claim = await staffCredit(tx, id, reviewer);
      if (!(CLAIM_KINDS as readonly string[]).includes(claim.kind)) {
        throw new Refused({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
      }
      await lockPerson(tx, claim.personId, "staff");
      const state: CeRecordState = decision === "recognise" ? "recognised" : "rejected";
      const updated = await tx.ceCredit.updateMany({
        where: { id, state: "claimed" },
        data: {
          state,
          reviewReason: text,
          reviewedBy: reviewer.staffId,
          reviewedAt: now,
          updatedAt: now,
        },
      });
      if (updated.count === 0) {
        throw new Refused({ ok: false, reason: "state", message: ALREADY_REVIEWED });
      }
      await audit(tx, ctx, staffAudit(reviewer, claim.regionCode), "ce.claim-review", id, {
        decision,
        personId: claim.personId,
        kind: claim.kind,
        year: claim.year,
      });
      return { ok: true as const };
    }),
  );
}

export interface CourseRecordInput {
  personId: string;
  year: unknown;
  courseName: unknown;
  provider: unknown;
  category: unknown;
  credits: unknown;
  /** true: 已学完 at once; false: 学习中 until completeCourse. */
  completed: boolean;
}

/** A provider course entered by finance staff for a person of their region. */
export async function recordCourse(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffScope,
  input: CourseRecordInput,
  now = new Date(),
): Promise<CeResult<{ id: string }>> {
  const { personId, completed, ...entry } = input;
  if (!isUuid(personId)) return { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
  const person = await db.person.findUnique({
    where: { id: personId },
    select: { regionCode: true },
  });
  if (!person) return { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
  if (!regionWithin(person.regionCode, reviewer.regionCodes)) {
    return { ok: false, reason: "forbidden", message: OUTSIDE_REGION };
  }
  const context = await claimContext(db, personId, now, "staff");
  if (!context) return { ok: false, reason: "not-collected", message: PERSON_NOT_COLLECTED };
  const parsed = courseEntrySchema(context).safeParse(entry);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error.issues));
  const course = parsed.data;

  return refusing(() =>
    db.$transaction(async (tx) => {
      const [id] = await insertCourses(tx, ctx, reviewer, [{ personId, course, completed }], now);
      return { ok: true as const, id: id! };
    }),
  );
}

export interface CourseToRecord {
  personId: string;
  course: CourseEntryInput;
  /** true: 已学完 at once; false: 学习中 until completeCourse. */
  completed: boolean;
}

/**
 * Writes provider courses inside the caller's transaction (one entry, or a whole Excel import):
 * each person's row locked once, in id order (two imports naming the same people cannot
 * deadlock), refusing a transfer-out and a person no longer in the reviewer's region; then one
 * duplicate query, one insert and one audit insert for all. Throws Refused; run it in `refusing`.
 */
export async function insertCourses(
  tx: Tx,
  ctx: RequestContext,
  reviewer: StaffScope,
  items: readonly CourseToRecord[],
  now: Date,
): Promise<string[]> {
  const personIds = [...new Set(items.map((i) => i.personId))].sort();
  const regionOf = new Map<string, string>();
  for (const personId of personIds) {
    const { regionCode } = await lockPerson(tx, personId, "staff");
    // The person may have moved since the caller's check; the row lock holds the region now.
    if (!regionWithin(regionCode, reviewer.regionCodes)) {
      throw new Refused({ ok: false, reason: "forbidden", message: OUTSIDE_REGION });
    }
    regionOf.set(personId, regionCode);
  }
  // Under the row locks, so a double click, two colleagues or two imports of one file cannot
  // both write a course: its credits would count twice.
  const key = (personId: string, year: number, title: string) =>
    `${personId}|${year}|${title.toLowerCase()}`;
  const recorded = await tx.ceCredit.findMany({
    where: {
      personId: { in: personIds },
      kind: "COURSE",
      year: { in: [...new Set(items.map((i) => i.course.year))] },
    },
    select: { personId: true, year: true, title: true },
  });
  const taken = new Set(recorded.map((c) => key(c.personId, c.year, c.title)));
  for (const { personId, course } of items) {
    const k = key(personId, course.year, course.courseName);
    if (taken.has(k)) throw new Refused({ ok: false, reason: "state", message: DUPLICATE_COURSE });
    taken.add(k);
  }
  const created = await tx.ceCredit.createManyAndReturn({
    data: items.map(({ personId, course, completed }) => ({
      personId,
      regionCode: regionOf.get(personId)!,
      year: course.year,
      kind: "COURSE",
      category: categoryFor("COURSE", course.category),
      credits: course.credits.toFixed(1),
      state: completed ? "completed" : "enrolled",
      title: course.courseName,
      details: { courseName: course.courseName, provider: course.provider },
      createdAt: now,
    })),
    select: {
      id: true,
      personId: true,
      regionCode: true,
      year: true,
      category: true,
      credits: true,
      state: true,
    },
  });
  await writeAudits(
    tx,
    ctx,
    created.map((c) => ({
      ...staffAudit(reviewer, c.regionCode),
      action: "ce.course-record" as const,
      outcome: "success" as const,
      targetType: "ce-credit",
      targetId: c.id,
      details: {
        personId: c.personId,
        year: c.year,
        category: c.category,
        credits: c.credits.toNumber(),
        state: c.state,
      },
    })),
  );
  return created.map((c) => c.id);
}

/** 学习中 → 已学完 for a provider course of the reviewer's region. */
export async function completeCourse(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffScope,
  id: string,
  now = new Date(),
): Promise<CeResult> {
  return refusing(() =>
    db.$transaction(async (tx) => {
      const course = await staffCredit(tx, id, reviewer);
      if (course.kind !== "COURSE") {
        throw new Refused({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
      }
      await lockPerson(tx, course.personId, "staff");
      const updated = await tx.ceCredit.updateMany({
        where: { id, state: "enrolled" },
        data: { state: "completed", updatedAt: now },
      });
      if (updated.count === 0)
        throw new Refused({ ok: false, reason: "state", message: NOT_ENROLLED });
      await audit(tx, ctx, staffAudit(reviewer, course.regionCode), "ce.course-complete", id, {
        personId: course.personId,
        year: course.year,
      });
      return { ok: true as const };
    }),
  );
}

// --- Helpers --------------------------------------------------------------------------------------

/** A record by id (and owner), or null; ids that are not UUIDs (as attachment ids) name nothing. */
function ownCredit(tx: Tx, id: string, where: { personId?: string }) {
  if (!isUuid(id)) return Promise.resolve(null);
  return tx.ceCredit.findFirst({ where: { id, ...where } });
}

/** A record the reviewer administers (by the record's region), or a refusal. */
async function staffCredit(tx: Tx, id: string, reviewer: StaffScope) {
  const credit = await ownCredit(tx, id, {});
  if (!credit) throw new Refused({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
  if (!regionWithin(credit.regionCode, reviewer.regionCodes)) {
    throw new Refused({ ok: false, reason: "forbidden", message: OUTSIDE_REGION });
  }
  return credit;
}

type Actor = Pick<AuditEntry, "actorType" | "actorId" | "regionCode">;

const personAudit = (personId: string, regionCode: string): Actor => ({
  actorType: "person",
  actorId: personId,
  regionCode,
});

const staffAudit = (reviewer: StaffScope, regionCode: string): Actor => ({
  actorType: "staff",
  actorId: reviewer.staffId,
  regionCode,
});

/** One success row; details carry ids, codes and numbers only — never titles or reasons. */
function audit(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  action: AuditEntry["action"],
  targetId: string,
  details: Prisma.InputJsonObject,
) {
  return writeAudit(tx, ctx, {
    ...actor,
    action,
    outcome: "success",
    targetType: "ce-credit",
    targetId,
    details,
  });
}
