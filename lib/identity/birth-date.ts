import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { parseBirthDate } from "@/lib/identity/gb11643";

// The full birth date is never stored in clear (issue 12, 3: with the mask it gave the number
// back): where the document number encodes it, it is read from the number each time.

const FAR_FUTURE = new Date("9999-01-01T00:00:00Z");

/** Whether numbers of this type can carry a birth date at all (not 通行证, 护照). */
export function typeMayEncodeBirthDate(idType: string): boolean {
  return isDocumentTypeCode(idType) && DOCUMENT_TYPES[idType].encodesGenderAndBirthDate !== "never";
}

/**
 * The birth date ("YYYY-MM-DD") a valid, normalised number of `idType` encodes; undefined for
 * documents that do not (通行证, 护照, the 2017 永居证).
 */
export function encodedBirthDate(idType: string, normalized: string): string | undefined {
  if (!typeMayEncodeBirthDate(idType) || !/^\d{17}[\dX]$/.test(normalized)) return undefined;
  // A stored number passed validation when it was registered: its date is in the past for good.
  const birth = parseBirthDate(normalized.slice(6, 14), FAR_FUTURE);
  return birth.ok ? birth.date : undefined;
}

/** The year of a "YYYY-MM-DD" date, as Person.birthYear keeps it; null without one. */
export function birthYearOf(date: string | undefined | null): number | null {
  const year = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isInteger(year) && year > 0 ? year : null;
}
