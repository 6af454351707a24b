import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import {
  fieldRefusal,
  isUniqueViolation,
  type Refusal,
  refusableTransaction,
} from "@/lib/db/refusal";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { encryptField } from "@/lib/crypto/field-cipher";
import { hashPassword } from "@/lib/crypto/password-hash";
import { birthYearOf } from "@/lib/identity/birth-date";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { maskIdNumber } from "@/lib/identity/mask";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { refreshPersonSearch } from "@/lib/search/projection";
import { newPasswordProblem } from "./common-passwords";
import { canonicalIdNumber, idNumberIndex } from "./identifier";
import { verifySmsCode } from "./sms-code-service";

export interface RegistrationInput {
  name: string;
  idType: DocumentTypeCode;
  idNumber: string;
  phone: string;
  smsCode: string;
  password: string;
}

/**
 * "id-registered": the page offers 找回密码 beside the field. "held-elsewhere": another platform
 * holds the person's active file (the national exchange says so): 调出 there, 省外调入 here.
 */
export type RegistrationResult =
  | { ok: true; personId: string }
  | Refusal<
      | "id-invalid"
      | "password-weak"
      | "sms-code"
      | "id-registered"
      | "phone-taken"
      | "held-elsewhere"
    >;

/** Asks the national exchange whether another platform holds this number's active file. */
export type FileElsewhereCheck = (idNumber: string) => Promise<string | null>;

export const ID_REGISTERED = "该证件号码已注册";
export const PHONE_TAKEN = "该手机号码已绑定其他账户，请更换手机号码";

/** The new Person row: the number encrypted, indexed and masked — never stored in clear. */
export function personCreateData(
  input: Pick<RegistrationInput, "name" | "idType" | "phone">,
  idNumber: string,
  doc: { gender?: string; birthDate?: string },
  passwordHash: string,
  regionCode: string,
) {
  return {
    name: input.name,
    idType: input.idType,
    idNumberCipher: encryptField(idNumber),
    idNumberIndex: idNumberIndex(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    gender: doc.gender ?? null,
    // The year only: the day stays in the encrypted number (issue 12, 3).
    birthYear: birthYearOf(doc.birthDate),
    phone: input.phone,
    passwordHash,
    regionCode,
  };
}

/**
 * What 注册 writes once every check has passed, in the caller's transaction: the account in the
 * jurisdiction's region, its row of the console's search projection and the audit row. Also the
 * end-to-end suites' people (lib/seed/test-person.ts), so they are exactly what 注册 makes.
 */
export async function insertRegisteredPerson(
  tx: Tx,
  ctx: RequestContext,
  input: Pick<RegistrationInput, "name" | "idType" | "phone">,
  idNumber: string,
  doc: { gender?: string; birthDate?: string },
  passwordHash: string,
  now: Date,
): Promise<string> {
  const regionCode = getJurisdiction().code;
  const person = await tx.person.create({
    data: personCreateData(input, idNumber, doc, passwordHash, regionCode),
    select: { id: true },
  });
  await refreshPersonSearch(tx, person.id, now);
  await writeAudit(tx, ctx, {
    actorType: "person",
    actorId: person.id,
    action: "auth.register",
    outcome: "success",
    regionCode,
    targetType: "person",
    targetId: person.id,
    details: { idType: input.idType, idNumber: maskIdNumber(idNumber) },
  });
  return person.id;
}

/** 用户注册: re-validates everything (the client is never trusted), then creates the account. */
export async function registerPerson(
  db: Db,
  ctx: RequestContext,
  input: RegistrationInput,
  now = new Date(),
  heldElsewhere: FileElsewhereCheck = async () => null,
): Promise<RegistrationResult> {
  const doc = validateDocumentNumber(input.idType, input.idNumber, now);
  if (!doc.ok) return fieldRefusal("id-invalid", "idNumber", doc.message);
  const idNumber = canonicalIdNumber(doc.normalized);
  const problem = newPasswordProblem(input.password, { idNumber, phone: input.phone });
  if (problem) return fieldRefusal("password-weak", "password", problem);

  // The SMS code first: only someone holding the phone learns whether the number or the phone
  // is already registered, and nobody makes us compute a password hash for free.
  const code = await db.$transaction((tx) =>
    verifySmsCode(tx, { phone: input.phone, purpose: "register", code: input.smsCode }, now),
  );
  if (!code.ok) return fieldRefusal("sms-code", "smsCode", code.message);

  const idRegistered = fieldRefusal("id-registered", "idNumber", ID_REGISTERED);
  const phoneTaken = fieldRefusal("phone-taken", "phone", PHONE_TAKEN);
  const index = idNumberIndex(idNumber);
  if (await db.person.findUnique({ where: { idNumberIndex: index }, select: { id: true } })) {
    return idRegistered;
  }
  if (await db.person.findUnique({ where: { phone: input.phone }, select: { id: true } })) {
    return phoneTaken;
  }
  const elsewhere = await heldElsewhere(idNumber);
  if (elsewhere) return fieldRefusal("held-elsewhere", "idNumber", elsewhere);
  const passwordHash = await hashPassword(input.password);

  return refusableTransaction<RegistrationResult>(
    db,
    async (tx) => ({
      ok: true,
      personId: await insertRegisteredPerson(tx, ctx, input, idNumber, doc, passwordHash, now),
    }),
    {
      // Two submissions racing past the checks above: the unique indexes decide.
      onUniqueViolation: (error) => (isUniqueViolation(error, "phone") ? phoneTaken : idRegistered),
    },
  );
}
