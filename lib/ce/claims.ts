import "server-only";
import type { SessionPerson } from "@/lib/account/session-service";
import type { RequestContext } from "@/lib/audit/audit";
import { NOT_COLLECTED } from "@/lib/collection/archive-service";
import { ATTACHMENT_INVALID } from "@/lib/collection/draft-service";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { isAttachmentId } from "@/lib/upload/attachment-service";
import { refreshCeYearTotal } from "@/lib/search/ce-year-total";
import { CHOOSE_KIND, CLAIM_KINDS, categoryFor, isClaimKind } from "./credit-kinds";
import { type AnyClaimInput, anyClaimSchema, claimCredits } from "./credit-schemas";
import {
  auditCredit,
  type CeResult,
  claimContext,
  CREDIT_NOT_FOUND,
  invalid,
  lockPerson,
  ownCredit,
  personAudit,
} from "./record-steps";

// The accountant's claims (exam, conference, degree course, paper) with evidence, which finance
// staff of the person's region recognise or reject (claim-review.ts). A claim awaiting
// recognition is 在途未完成数据: it locks the person's region until recognised, rejected or withdrawn.
//
// Withdrawal deletes the claim. A withdrawn claim never counted and never was reviewed, so there is
// nothing to keep but the fact, which the audit row keeps; CeCredit.state stays the five codes of
// CE_RECORD_STATES that every reader knows; and the evidence, no longer referred to, becomes an
// orphan again that the upload sweep removes after its grace period.

export const DUPLICATE_CLAIM = "该项学分已申报过，请勿重复申报";
/** Kinds that count once whatever the year: one exam subject passed, one paper published. */
const ONCE_EVER: ReadonlySet<string> = new Set(["EXAM", "PAPER"]);
export const CLAIM_INVALID = "申报信息有误，请按提示修改";
export const NOT_WITHDRAWABLE = "该申报已审核，不能撤回";

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
    return invalid({ kind: CHOOSE_KIND }, CLAIM_INVALID);
  }
  const parsed = anyClaimSchema(context).safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrorsFromIssues(parsed.error.issues), CLAIM_INVALID);
  const claim = parsed.data;
  if (!isAttachmentId(claim.attachmentId))
    return invalid({ attachmentId: ATTACHMENT_INVALID }, CLAIM_INVALID);
  const credits = claimCredits(claim);
  const category = categoryFor(claim.kind);

  return refusableTransaction<CeResult<{ id: string }>>(db, async (tx, refuse) => {
    const { regionCode } = await lockPerson(tx, refuse, personId, "person");
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
      return refuse({ ok: false, reason: "duplicate", message: DUPLICATE_CLAIM });
    }
    // Only the person's own evidence upload; claiming it keeps it from the orphan sweep.
    const evidence = await tx.attachment.updateMany({
      where: { id: claim.attachmentId, personId, kind: "ce-evidence" },
      data: { orphanedAt: null },
    });
    if (evidence.count === 0)
      return refuse(invalid({ attachmentId: ATTACHMENT_INVALID }, CLAIM_INVALID));
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
    await refreshCeYearTotal(tx, personId, claim.year, now);
    await auditCredit(tx, ctx, personAudit(personId, regionCode), "ce.claim-submit", created.id, {
      kind: claim.kind,
      year: claim.year,
      credits,
      evidenceId: claim.attachmentId,
    });
    return { ok: true as const, id: created.id };
  });
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
  return refusableTransaction<CeResult>(db, async (tx, refuse) => {
    const { regionCode } = await lockPerson(tx, refuse, personId, "person");
    const claim = await ownCredit(tx, id, { personId });
    if (!claim || !(CLAIM_KINDS as readonly string[]).includes(claim.kind)) {
      return refuse({ ok: false, reason: "not-found", message: CREDIT_NOT_FOUND });
    }
    const removed = await tx.ceCredit.deleteMany({ where: { id, state: "claimed" } });
    if (removed.count === 0) {
      return refuse({ ok: false, reason: "reviewed", message: NOT_WITHDRAWABLE });
    }
    await refreshCeYearTotal(tx, personId, claim.year, now);
    if (claim.evidenceId) {
      // Another claim may show the same certificate; then the file is still in use.
      await tx.attachment.updateMany({
        where: { id: claim.evidenceId, ceCredits: { none: {} } },
        data: { orphanedAt: now },
      });
    }
    await auditCredit(tx, ctx, personAudit(personId, regionCode), "ce.claim-withdraw", id, {
      kind: claim.kind,
      year: claim.year,
      evidenceId: claim.evidenceId,
    });
    return { ok: true as const };
  });
}
