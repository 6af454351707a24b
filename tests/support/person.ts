import type { Db } from "@/lib/db/client";
import { personCreateData } from "@/lib/account/register-service";
import { hashPassword } from "@/lib/crypto/password-hash";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { randomPhone, randomResidentId, STRONG_PASSWORD } from "./accounts";

/** An existing account, created directly (the registration flow has its own tests). */
export async function createPerson(db: Db, over: { password?: string } = {}) {
  const idNumber = randomResidentId();
  const phone = randomPhone();
  const doc = validateDocumentNumber("RESIDENT_ID", idNumber, new Date());
  if (!doc.ok) throw new Error(doc.message);
  const password = over.password ?? STRONG_PASSWORD;
  const p = await db.person.create({
    data: personCreateData(
      { name: "陈静", idType: "RESIDENT_ID", phone },
      idNumber,
      doc,
      await hashPassword(password),
      "440000",
    ),
  });
  return { id: p.id, idNumber, phone, password };
}
