import { z } from "zod";
import { educationMainLevel, EDUCATION_LEVELS } from "@/lib/codes/education-level";
import { QUALIFICATION_LEVELS } from "@/lib/codes/professional-qualification";
import { birthYearOf } from "@/lib/identity/birth-date";
import { nameKeys } from "./name-keys";

// One PersonSearch row from what it is derived from (the person, whether a draft exists, the
// archive and its current version's snapshot): a pure function, so the projection written in a
// service's transaction and the one `npm run search:rebuild` writes are the same by construction.
//
// The snapshot is read with its own narrow schema: only the parts the console searches by, in
// the stored shape of lib/collection/archive-service.ts (codes as any string; lists the step
// schemas default to [] read as [] when missing). lib/search cannot import lib/collection, which
// writes through it. A snapshot that is not one throws: a corrupted version must not be counted.

/** none: registered only; draft: 信息采集 started; collected: an archive exists. */
export type CollectionStatus = "none" | "draft" | "collected";

const list = <T extends z.ZodType>(entry: T) => z.array(entry).default([]);

const searchedSnapshotSchema = z.looseObject({
  personal: z.looseObject({ gender: z.string().optional(), birthDate: z.string().optional() }),
  education: z.looseObject({
    fullTime: z.array(z.looseObject({ level: z.string(), inStudy: z.boolean().default(false) })),
    partTime: list(z.looseObject({ level: z.string(), inStudy: z.boolean().default(false) })),
  }),
  work: z.looseObject({ status: z.string() }),
  professional: z.looseObject({
    qualifications: list(z.looseObject({ type: z.string(), level: z.string() })),
    talents: list(z.looseObject({})),
  }),
});

/**
 * What the 继续教育 obligation needs of an archive version (lib/ce/overview.ts reads the same):
 * each qualification's 取得年份 and 从事会计工作年份. A version of any age or origin is read as long
 * as these facts are sound.
 */
const obligationFactsSchema = z.object({
  professional: z
    .object({ qualifications: z.array(z.object({ year: z.union([z.string(), z.number()]) })) })
    .partial()
    .nullish(),
  work: z.object({ accountingSinceYear: z.number().int() }).partial().nullish(),
});

export interface ProjectionSource {
  person: {
    id: string;
    name: string;
    idType: string;
    idNumberIndex: string;
    idNumberMasked: string;
    gender: string | null;
    /** Person.birthYear: the year the number carries (the full date is never in clear). */
    birthYear: number | null;
    regionCode: string;
    transferState: string | null;
    createdAt: Date;
  };
  hasDraft: boolean;
  /** The archive with its current version's snapshot (stored JSON, parsed here), or null. */
  archive: {
    archiveNumber: string;
    version: number;
    collectedAt: Date;
    snapshot: unknown;
    /** `{ professional, work }` of every version of the archive, for the obligation start. */
    versionFacts: unknown[];
  } | null;
}

/** A PersonSearch row (prisma/schema.prisma documents each column). */
export interface PersonSearchRow {
  personId: string;
  regionCode: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  idNumberIndex: string;
  idNumberMasked: string;
  idType: string;
  gender: string | null;
  birthYear: number | null;
  collectionStatus: CollectionStatus;
  archiveNumber: string | null;
  archiveVersion: number | null;
  collectedAt: Date | null;
  employmentStatus: string | null;
  educationLevel: string | null;
  qualifications: string[];
  qualificationLevel: string | null;
  highEndTalent: boolean;
  transferState: string | null;
  ceObligationStart: number | null;
  registeredAt: Date;
  updatedAt: Date;
}

/**
 * GB/T 4658 level group ("10" 研究生教育 … "90" 其他) of the highest education attained: the lowest
 * first digit among the entries. An entry still in progress (在读) is not attained yet and does not
 * count; a code outside the table (retired) neither. Null when nothing counts.
 */
export function highestEducationLevel(
  entries: readonly { level: string; inStudy?: boolean }[],
): string | null {
  const levels = entries
    .filter((e) => e.inStudy !== true && EDUCATION_LEVELS.is(e.level))
    .map((e) => educationMainLevel(e.level))
    .sort();
  return levels[0] ?? null;
}

/** The highest QUALIFICATION_LEVELS code held (初级 < 中级 < 高级 < 正高级), or null. */
export function highestQualificationLevel(levels: readonly string[]): string | null {
  const rank = (level: string) => (QUALIFICATION_LEVELS.codes as readonly string[]).indexOf(level);
  const best = Math.max(-1, ...levels.map(rank));
  return best < 0 ? null : QUALIFICATION_LEVELS.codes[best]!;
}

/**
 * The first year 继续教育 is required (lib/ce/obligation.ts, 财会〔2018〕10号): the year after a
 * qualification was obtained, or the year accounting work started, whichever is first — over
 * every version, since an obligation once started does not move later (lib/ce/overview.ts
 * ceObligationStart). lib/search cannot import lib/ce (which writes through it), hence the rule
 * is restated here; tests/integration/search/projection.test.ts checks both agree.
 */
export function obligationStartOf(versions: readonly unknown[]): number | null {
  const starts = versions.flatMap((v) => {
    const { professional, work } = obligationFactsSchema.parse(v);
    const years = (professional?.qualifications ?? []).map((q) => Number(q.year) + 1);
    if (work?.accountingSinceYear != null) years.push(work.accountingSinceYear);
    return years.filter(Number.isInteger);
  });
  return starts.length > 0 ? Math.min(...starts) : null;
}

/** The row for `source` as of `now`. Throws (a ZodError) when the snapshot is not one. */
export function personSearchRow(source: ProjectionSource, now: Date): PersonSearchRow {
  const { person, archive } = source;
  const snapshot = archive ? searchedSnapshotSchema.parse(archive.snapshot) : null;
  const keys = nameKeys(person.name);
  const qualifications = snapshot?.professional.qualifications ?? [];
  return {
    personId: person.id,
    regionCode: person.regionCode,
    name: person.name,
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    idNumberIndex: person.idNumberIndex,
    idNumberMasked: person.idNumberMasked,
    idType: person.idType,
    // The document's own facts; a document that carries none (a passport) has them from 个人信息.
    gender: person.gender ?? snapshot?.personal.gender ?? null,
    birthYear: person.birthYear ?? birthYearOf(snapshot?.personal.birthDate),
    collectionStatus: archive ? "collected" : source.hasDraft ? "draft" : "none",
    archiveNumber: archive?.archiveNumber ?? null,
    archiveVersion: archive?.version ?? null,
    collectedAt: archive?.collectedAt ?? null,
    employmentStatus: snapshot?.work.status ?? null,
    educationLevel: snapshot
      ? highestEducationLevel([...snapshot.education.fullTime, ...snapshot.education.partTime])
      : null,
    qualifications: [...new Set(qualifications.map((q) => `${q.type}:${q.level}`))],
    qualificationLevel: highestQualificationLevel(qualifications.map((q) => q.level)),
    highEndTalent: (snapshot?.professional.talents.length ?? 0) > 0,
    transferState: person.transferState,
    ceObligationStart: archive ? obligationStartOf(archive.versionFacts) : null,
    registeredAt: person.createdAt,
    updatedAt: now,
  };
}
