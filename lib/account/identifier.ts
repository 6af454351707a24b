import "server-only";
import { idNumberIndex as indexOfNormalized } from "@/lib/crypto/blind-index";
import { normalizeDocumentNumber } from "@/lib/identity/document-number";

/**
 * The form every document number is stored and looked up in. Normalisation does not depend on
 * the document type, so login — which does not ask for the type — finds the same index.
 */
export function canonicalIdNumber(raw: string): string {
  return normalizeDocumentNumber("RESIDENT_ID", raw);
}

/** Blind index of a document number as typed (any case, spaces, full-width digits). */
export function idNumberIndex(raw: string): string {
  return indexOfNormalized(canonicalIdNumber(raw));
}
