import { educationMainLevel } from "@/lib/codes/education-level";
import type { QualificationLevelCode } from "@/lib/codes/professional-qualification";
import type { CollectionRecord } from "@/lib/collection/whole-record";

// What the console's search projection (PersonSearch) holds for a collected record — the same
// mapping lib/search/projection.ts applies to every archive version written by the services:
// 在岗状态 as recorded, the GB/T 4658 level group of the highest education (finished entries;
// an ongoing study only when there is nothing else), each 专业技术资格 as "TYPE:LEVEL", the
// highest level held, and whether any 高端会计人才 entry exists.

const LEVEL_RANK: Record<QualificationLevelCode, number> = {
  JUNIOR: 1,
  INTERMEDIATE: 2,
  SENIOR: 3,
  PROFESSOR: 4,
};

export interface RecordColumns {
  employmentStatus: string;
  educationLevel: string | null;
  qualifications: string[];
  qualificationLevel: string | null;
  highEndTalent: boolean;
}

export function recordColumns(record: CollectionRecord): RecordColumns {
  const entries = [...record.education.fullTime, ...record.education.partTime];
  const finished = entries.filter((e) => !e.inStudy);
  const levels = (finished.length > 0 ? finished : entries).map((e) => educationMainLevel(e.level));
  // GB/T 4658 groups count down: "10" 研究生 is the highest, so the smallest code wins.
  const educationLevel = levels.length > 0 ? levels.reduce((a, b) => (b < a ? b : a)) : null;
  const held = record.professional.qualifications;
  const top = held.reduce<QualificationLevelCode | null>(
    (best, q) => (best === null || LEVEL_RANK[q.level] > LEVEL_RANK[best] ? q.level : best),
    null,
  );
  return {
    employmentStatus: record.work.status,
    educationLevel,
    qualifications: [...new Set(held.map((q) => `${q.type}:${q.level}`))],
    qualificationLevel: top,
    highEndTalent: record.professional.talents.length > 0,
  };
}
