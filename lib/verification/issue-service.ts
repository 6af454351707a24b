import "server-only";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { type CeOverview, type CeYearView, ceOverview } from "@/lib/ce/overview";
import { currentArchive, NOT_COLLECTED } from "@/lib/collection/archive-service";
import type { Db } from "@/lib/db/client";
import type { Refusal } from "@/lib/db/refusal";
import { budget, take } from "@/lib/limits/budget";
import { codeHash, codeTrace, newCode } from "./code";
import { groupCode } from "./code-format";
import { verificationConfig } from "./config";
import type { DocumentKind } from "./document-kinds";

// Issuing a PDF's 核验码 (我的档案, 学分证明): the person's own archive only — the session names
// the person, nothing in the request does — one new code per PDF, written with its audit row.
//
// Why a new code for every download rather than one per version: the code is stored only as a
// hash, so an earlier one cannot be printed again; keeping it recoverable would mean storing it
// encrypted, a secret at rest for no gain. Every copy handed out stays checkable (all codes of a
// version answer alike), each copy's 出具日期 is its own, and the audit log says which copy an
// employer checked. The rows a person can add are bounded by a budget per hour.

export type Archive = NonNullable<Awaited<ReturnType<typeof currentArchive>>>;

export interface IssuedCode {
  /** XXXX-XXXX-XXXX-XXXX: printed on the PDF, never stored */
  code: string;
  issuedAt: Date;
}

export const PDF_LIMITED = "下载过于频繁，请稍后再试";
export const NO_CERTIFICATE = "该年度尚未达到学分要求（已完成），没有学分证明";

type IssueRefusal = Refusal<"not-collected" | "limited" | "no-certificate">;

/** One PDF of this person's per hour's budget: refused before anything is read or written. */
async function takePdfBudget(db: Db, personId: string): Promise<IssueRefusal | null> {
  const limiter = budget(db, "pdf-person", verificationConfig().pdfsPerPersonHour, 60 * 60);
  const answer = await take(limiter, personId);
  return answer.ok ? null : { ok: false, reason: "limited", message: PDF_LIMITED };
}

/** Writes a new code for what the PDF certifies, and its audit row, in one transaction. */
async function writeCode(
  db: Db,
  ctx: RequestContext,
  subject: { personId: string; archive: Archive; kind: DocumentKind; ceYear: number | null },
  now: Date,
): Promise<IssuedCode> {
  const canonical = newCode();
  await db.$transaction(async (tx) => {
    const row = await tx.documentVerification.create({
      data: {
        codeHash: codeHash(canonical),
        personId: subject.personId,
        kind: subject.kind,
        archiveId: subject.archive.archiveId,
        version: subject.archive.version,
        ceYear: subject.ceYear,
        issuedAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actorType: "person",
      actorId: subject.personId,
      action: "verification.issue",
      outcome: "success",
      regionCode: subject.archive.regionCode,
      targetType: "document-verification",
      targetId: row.id,
      details: {
        kind: subject.kind,
        archiveNumber: subject.archive.archiveNumber,
        version: subject.archive.version,
        ceYear: subject.ceYear,
        code: codeTrace(canonical),
      },
    });
  });
  return { code: groupCode(canonical), issuedAt: now };
}

/** 我的档案 as a PDF: the current version of the person's own archive, with a new code. */
export async function issueArchiveCode(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  now = new Date(),
): Promise<({ ok: true; archive: Archive } & IssuedCode) | IssueRefusal> {
  const archive = await currentArchive(db, session.personId);
  if (!archive) return { ok: false, reason: "not-collected", message: NOT_COLLECTED };
  const limited = await takePdfBudget(db, session.personId);
  if (limited) return limited;
  const issued = await writeCode(
    db,
    ctx,
    { personId: session.personId, archive, kind: "archive", ceYear: null },
    now,
  );
  return { ok: true, archive, ...issued };
}

/** A year's 学分证明 as a PDF: only a 已完成 year of the person's own record has one. */
export async function issueCeCertificateCode(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  year: number,
  now = new Date(),
): Promise<
  | ({ ok: true; archive: Archive; overview: CeOverview; year: CeYearView } & IssuedCode)
  | IssueRefusal
> {
  const archive = await currentArchive(db, session.personId);
  if (!archive) return { ok: false, reason: "not-collected", message: NOT_COLLECTED };
  const overview = await ceOverview(db, session.personId, now);
  const view = overview.years.find((y) => y.year === year);
  if (!view?.certificateAvailable) {
    return { ok: false, reason: "no-certificate", message: NO_CERTIFICATE };
  }
  const limited = await takePdfBudget(db, session.personId);
  if (limited) return limited;
  const issued = await writeCode(
    db,
    ctx,
    { personId: session.personId, archive, kind: "ce-certificate", ceYear: year },
    now,
  );
  return { ok: true, archive, overview, year: view, ...issued };
}

/** The message for a refused download, from the reason the PDF route sent back (`?pdf=`). */
export function pdfRefusalMessage(reason: string | string[] | undefined): string | null {
  const messages: Record<string, string> = {
    limited: PDF_LIMITED,
    "not-collected": NOT_COLLECTED,
    "no-certificate": NO_CERTIFICATE,
  };
  return typeof reason === "string" ? (messages[reason] ?? null) : null;
}
