import "server-only";
import { z } from "zod";
import { CE_RECORD_STATES, type CeRecordState } from "@/lib/codes/ce-record-state";
import type { Db } from "@/lib/db/client";
import { transferLockReason } from "@/lib/person/locks";
import { beijingToday } from "@/lib/time/beijing";
import { CE_CATEGORIES, type CeCategory, CREDIT_KINDS, type CreditKindCode } from "./credit-kinds";
import { obligationStartYear } from "./obligation";
import { type CeThresholds, getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { ceRecordsFromYear } from "@/lib/jurisdiction/ce-records";
import { type CreditRecord, hasInProgressData, type YearSummary, yearSummary } from "./year-status";

// What the 继续教育 pages read: the person's obligation start, every year from it with its
// requirement, earned credits and state, and the records of each year.

/**
 * What the obligation needs of a stored snapshot, and nothing else: a version of any age or origin
 * (a file transferred in from another platform) is read as long as these two facts are sound.
 */
const obligationFacts = z.object({
  professional: z
    .object({ qualifications: z.array(z.object({ year: z.union([z.string(), z.number()]) })) })
    .partial()
    .optional(),
  work: z.object({ accountingSinceYear: z.number().int() }).partial().optional(),
});

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
      const { professional, work } = obligationFacts.parse(snapshot);
      return obligationStartYear({
        qualificationYears: (professional?.qualifications ?? []).map((q) => Number(q.year)),
        accountingSinceYear: work?.accountingSinceYear,
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
  /** The first year the platform holds records of: obliged years before it are 无记录. */
  recordsFromYear: number;
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
  const recordsFromYear = ceRecordsFromYear();
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
      ...yearSummary({
        year,
        records: credits,
        thresholds,
        obligationStartYear: start,
        recordsFromYear,
        today,
      }),
      records: records.filter((r) => r.year === year),
    });
  }
  return {
    obligationStartYear: start,
    recordsFromYear,
    thresholds,
    years,
    inProgress: hasInProgressData(credits),
    locked: transferLockReason(person.transferState),
  };
}
