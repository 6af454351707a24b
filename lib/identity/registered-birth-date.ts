import "server-only";
import { decryptField } from "@/lib/crypto/field-cipher";
import { encodedBirthDate, typeMayEncodeBirthDate } from "@/lib/identity/birth-date";

/**
 * The birth date the person's registered number encodes, read from the encrypted number — for
 * the owner's own pages and the rules that need the day (education after birth). Undefined when
 * the document does not encode one (then 个人信息 asks for it).
 */
export function registeredBirthDate(person: {
  idType: string;
  idNumberCipher: string;
}): string | undefined {
  // Only numbers that can carry a date are decrypted.
  if (!typeMayEncodeBirthDate(person.idType)) return undefined;
  return encodedBirthDate(person.idType, decryptField(person.idNumberCipher));
}
