import "server-only";
import { randomInt } from "node:crypto";
import { newPasswordProblem } from "@/lib/account/common-passwords";
import { canonicalIdNumber } from "@/lib/account/identifier";
import { insertRegisteredPerson } from "@/lib/account/register-service";
import type { SessionPerson } from "@/lib/account/session-service";
import type { RequestContext } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/crypto/password-hash";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/refusal";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { gb11643CheckChar } from "@/lib/identity/gb11643";
import { maskIdNumber } from "@/lib/identity/mask";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import type { ObjectStorage } from "@/lib/storage/types";
import { completeTestCollection } from "./test-collection";

// The end-to-end suites' people (POST /api/test/people, a test switch): an account made by the
// register service's own write (insertRegisteredPerson — only the SMS code, which a test cannot
// receive without the UI, is skipped) and, when asked, 信息采集 completed through the wizard's
// services. A spec about something else then starts from a person in one request instead of
// clicking through 注册 and six wizard steps; the specs of those flows keep using the UI.

/** Every test person's password, like the UI helper's (tests/e2e/support/accounts.ts). */
export const TEST_PERSON_PASSWORD = "Kj-Test-2026";

export interface TestPersonInput {
  /** Complete 信息采集 too (an archive, version 1). */
  collected: boolean;
  name: string;
}

export interface TestPerson {
  personId: string;
  idNumber: string;
  password: string;
  phone: string;
  name: string;
}

/**
 * A fresh 居民身份证 number: born in 广州市天河区 (the UI helpers' numbers are of 越秀区, so the two
 * never meet) in the 1980s (old enough for the wizard's years: study from 2006, work from 2010),
 * a random sequence. The check character is GB 11643's.
 */
function freshIdNumber(): string {
  const born = new Date(Date.UTC(1980, 0, 1) + randomInt(0, 3650) * 86_400_000);
  const body = `440106${born.toISOString().slice(0, 10).replaceAll("-", "")}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return body + gb11643CheckChar(body);
}

/** A fresh mobile number in a range no other test data uses (UI helpers 137, demo 138, seed 19x). */
function freshPhone(): string {
  return `135${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** A random number can meet one already registered: a new pair is drawn, a few times at most. */
const ATTEMPTS = 5;

async function registerTestPerson(
  db: Db,
  ctx: RequestContext,
  name: string,
  now: Date,
): Promise<Omit<TestPerson, "password">> {
  const passwordHash = await hashPassword(TEST_PERSON_PASSWORD);
  for (let attempt = 1; ; attempt++) {
    const doc = validateDocumentNumber("RESIDENT_ID", freshIdNumber(), now);
    if (!doc.ok) throw new Error(`generated ID number refused: ${doc.message}`);
    const idNumber = canonicalIdNumber(doc.normalized);
    const phone = freshPhone();
    const weak = newPasswordProblem(TEST_PERSON_PASSWORD, { idNumber, phone });
    if (weak) throw new Error(`test password refused: ${weak}`);
    const input = { name, idType: "RESIDENT_ID" as const, phone };
    try {
      const personId = await db.$transaction((tx) =>
        insertRegisteredPerson(tx, ctx, input, idNumber, doc, passwordHash, now),
      );
      return { personId, idNumber, phone, name };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

/**
 * A registered person, with 信息采集 completed when `collected`. `registerFile`: tell the national
 * exchange about the archive, as the wizard's submit does on a platform that has one.
 */
export async function createTestPerson(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  input: TestPersonInput,
  options: { registerFile: boolean; now?: Date },
): Promise<TestPerson> {
  const now = options.now ?? new Date();
  const person = await registerTestPerson(db, ctx, input.name, now);
  if (input.collected) {
    // The services read only the person from a session; none exists until the test logs in.
    const session: SessionPerson = {
      sessionId: "",
      personId: person.personId,
      name: person.name,
      idType: "RESIDENT_ID",
      idNumberMasked: maskIdNumber(person.idNumber),
      phone: person.phone,
      regionCode: getJurisdiction().code,
    };
    await completeTestCollection(db, storage, ctx, session, {
      registerFile: options.registerFile,
      now,
    });
  }
  return { ...person, password: TEST_PERSON_PASSWORD };
}
