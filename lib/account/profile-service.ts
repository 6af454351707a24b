import "server-only";
import type { Db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";

/**
 * The owner's own full document number — only ever for the owner's own pages (e.g. the live
 * password rule "不能包含证件号码"); every other view uses the masked form.
 */
export async function ownIdNumber(db: Db, personId: string): Promise<string> {
  const p = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { idNumberCipher: true },
  });
  return decryptField(p.idNumberCipher);
}
