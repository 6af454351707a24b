import type { CollectionRecord } from "@/lib/collection/whole-record";
import {
  highestEducationLevel,
  highestQualificationLevel,
  obligationStartOf,
} from "@/lib/search/projection-row";

// What the console's search projection (PersonSearch) holds for a collected record, with the
// projection's own rules (lib/search/projection-row.ts): 在岗状态 as recorded, the GB/T 4658 level
// group of the highest education attained, each 专业技术资格 as "TYPE:LEVEL", the highest level
// held, whether any 高端会计人才 entry exists, and the 继续教育 obligation start. The projection itself parses the stored JSON
// and recomputes name keys, too slow for millions; tests/integration/seed/scale-seed.test.ts
// checks every seeded row equals what personSearchRow computes from the stored person and archive.

export interface RecordColumns {
  employmentStatus: string;
  educationLevel: string | null;
  qualifications: string[];
  qualificationLevel: string | null;
  highEndTalent: boolean;
  ceObligationStart: number | null;
}

export function recordColumns(record: CollectionRecord): RecordColumns {
  const held = record.professional.qualifications;
  return {
    employmentStatus: record.work.status,
    educationLevel: highestEducationLevel([
      ...record.education.fullTime,
      ...record.education.partTime,
    ]),
    qualifications: [...new Set(held.map((q) => `${q.type}:${q.level}`))],
    qualificationLevel: highestQualificationLevel(held.map((q) => q.level)),
    highEndTalent: record.professional.talents.length > 0,
    // The seed writes one version: the record itself.
    ceObligationStart: obligationStartOf([record]),
  };
}
