import "server-only";
import { getIndexKey, hmacSm3 } from "@/lib/crypto/keys";

// Keyed blind index: equality lookup and a UNIQUE constraint on encrypted columns without
// storing the value. HMAC-SM3(KUAIJI_INDEX_KEY, kind + ":" + value), 64 hex characters.
// Callers pass the normalised value (normalizeDocumentNumber, normalizeMobile): the index is
// only as good as the normalisation in front of it.

/**
 * 证件号码 kind. Deliberately independent of the document type: one person, one account,
 * whichever type they pick for the same number.
 */
export const ID_NUMBER_INDEX_KIND = "idnumber";

const KIND = /^[a-z][a-z0-9-]*$/; // no ":", so "kind:value" cannot be read two ways

export function blindIndex(
  kind: string,
  normalizedValue: string,
  indexKey: Buffer = getIndexKey(),
): string {
  if (!KIND.test(kind)) throw new Error(`blindIndex: invalid kind "${kind}"`);
  return hmacSm3(indexKey, `${kind}:${normalizedValue}`).toString("hex");
}

/** Blind index of a normalised 证件号码 (Person.idNumberIndex). */
export function idNumberIndex(
  normalizedIdNumber: string,
  indexKey: Buffer = getIndexKey(),
): string {
  return blindIndex(ID_NUMBER_INDEX_KIND, normalizedIdNumber, indexKey);
}
