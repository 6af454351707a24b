import { GENDER_OPTIONS } from "@/lib/collection/gender-options";
import {
  NOT_FILLED,
  PHOTOS_PENDING,
  type SummaryRow,
  type SummarySection,
} from "@/lib/collection/summary";
import { DOCUMENT_TYPES } from "@/lib/identity/document-types";

// 确认信息's summary in the reader's language. Labels, titles and the words summary.ts writes for
// a value (是, 否, 未填写, 男 …) go through the domain's catalogue (`text`); the rest of a value
// is what the person entered or a code table's name (学历, 民族 …), both shown as they are — a
// school named like a word of ours stays its name.

const WORDS = new Set<string>([
  NOT_FILLED,
  PHOTOS_PENDING,
  "是",
  "否",
  ...GENDER_OPTIONS.map((g) => g.label),
  ...Object.values(DOCUMENT_TYPES).map((d) => d.label),
]);

/** summary.ts's dates ("2012年", "2012年07月", "1990年03月07日"), ISO-style in English. */
const CHINESE_DATE = /^(\d{4})年(?:(\d{2})月(?:(\d{2})日)?)?$/;

export function sectionInLanguage(
  section: SummarySection,
  text: (chinese: string) => string,
  english: boolean,
): SummarySection {
  const value = (v: string) => {
    if (WORDS.has(v)) return text(v);
    const date = english ? CHINESE_DATE.exec(v) : null;
    return date ? date.slice(1).filter(Boolean).join("-") : v;
  };
  const rows = (list: SummaryRow[]) =>
    list.map((r) => ({ label: text(r.label), value: value(r.value) }));
  return {
    ...section,
    title: text(section.title),
    rows: rows(section.rows),
    lists: section.lists.map((l) => ({
      ...l,
      title: text(l.title),
      empty: text(l.empty),
      entries: l.entries.map(rows),
    })),
    attachments: section.attachments.map((a) => ({ ...a, label: text(a.label) })),
  };
}
