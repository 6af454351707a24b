import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ID_REGISTERED, PHONE_TAKEN, registerPerson } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { decryptField } from "@/lib/crypto/field-cipher";
import { idNumberIndex } from "@/lib/account/identifier";
import { gb11643CheckChar } from "@/lib/identity/gb11643";
import {
  latestCodeFor,
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";

const ctx = { ip: "203.0.113.10", userAgent: "vitest" };

async function registerNew(overrides: { idNumber?: string; phone?: string; name?: string } = {}) {
  const phone = overrides.phone ?? randomPhone();
  const idNumber = overrides.idNumber ?? randomResidentId();
  const sent = await sendSmsCode(
    db,
    { ...ctx, ip: `198.51.100.${Math.floor(Math.random() * 250)}` },
    { phone, purpose: "register", ...(await solvedCaptcha(db)) },
  );
  expect(sent.ok).toBe(true);
  const smsCode = latestCodeFor(phone)!;
  const result = await registerPerson(db, ctx, {
    name: overrides.name ?? "李雪",
    idType: "RESIDENT_ID",
    idNumber,
    phone,
    smsCode,
    password: STRONG_PASSWORD,
  });
  return { result, phone, idNumber };
}

describe("用户注册", () => {
  it("creates the account with gender and birth date from the ID number, and audits it", async () => {
    const body = randomResidentId().slice(0, 17);
    const idNumber = body + gb11643CheckChar(body);
    // typed with a lowercase check character and spaces: stored normalised
    const { result } = await registerNew({
      idNumber: ` ${idNumber.toLowerCase()} `,
      name: "𠮷野·家",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = await db.person.findUniqueOrThrow({ where: { id: result.personId } });
    expect(p.name).toBe("𠮷野·家");
    expect(p.gender).toBe(Number(body[16]) % 2 === 1 ? "1" : "2");
    expect(p.birthDate?.toISOString().slice(0, 10)).toBe(
      `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    );
    expect(decryptField(p.idNumberCipher)).toBe(idNumber);
    const audit = await db.auditEvent.findFirst({
      where: { action: "auth.register", actorId: result.personId },
    });
    expect(audit).toMatchObject({ outcome: "success", ip: "203.0.113.10", userAgent: "vitest" });
  });

  it("never stores the ID number in clear in any table", async () => {
    const { result, idNumber } = await registerNew();
    expect(result.ok).toBe(true);
    const tables = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThan(3);
    for (const { table_name } of tables) {
      const hits = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*)::bigint AS n FROM "${table_name.replace(/"/g, "")}" t WHERE t::text ILIKE $1 OR t::text ILIKE $2`,
        `%${idNumber}%`,
        `%${idNumber.slice(6, 14)}${idNumber.slice(14, 17)}%`,
      );
      expect(Number(hits[0]!.n), `table ${table_name}`).toBe(0);
    }
    expect(
      await db.person.findUnique({ where: { idNumberIndex: idNumberIndex(idNumber) } }),
    ).not.toBeNull();
  });

  it("refuses a registered ID number with 该证件号码已注册, and a phone already in use", async () => {
    const first = await registerNew();
    expect(first.result.ok).toBe(true);
    const again = await registerNew({ idNumber: first.idNumber });
    expect(again.result).toMatchObject({
      ok: false,
      field: "idNumber",
      message: ID_REGISTERED,
      code: "id-registered",
    });
    // the phone's owner (a fresh code, after the 60 s interval) learns the number is taken
    const later = new Date(Date.now() + 61_000);
    await sendSmsCode(
      db,
      ctx,
      { phone: first.phone, purpose: "register", ...(await solvedCaptcha(db, later)) },
      later,
    );
    const samePhone = await registerPerson(
      db,
      ctx,
      {
        name: "李雪",
        idType: "RESIDENT_ID",
        idNumber: randomResidentId(),
        phone: first.phone,
        smsCode: latestCodeFor(first.phone)!,
        password: STRONG_PASSWORD,
      },
      later,
    );
    expect(samePhone).toMatchObject({ ok: false, field: "phone", message: PHONE_TAKEN });
  });

  it("tells nobody without the phone's code whether a number or phone is registered", async () => {
    const first = await registerNew();
    const probe = await registerPerson(db, ctx, {
      name: "李雪",
      idType: "RESIDENT_ID",
      idNumber: first.idNumber,
      phone: first.phone,
      smsCode: "000000",
      password: STRONG_PASSWORD,
    });
    expect(probe).toMatchObject({ ok: false, field: "smsCode" });
  });

  it("refuses a wrong SMS code and keeps the code usable for the right one", async () => {
    const phone = randomPhone();
    await sendSmsCode(db, ctx, { phone, purpose: "register", ...(await solvedCaptcha(db)) });
    const code = latestCodeFor(phone)!;
    const wrong = code === "000000" ? "111111" : "000000";
    const base = {
      name: "王芳",
      idType: "RESIDENT_ID" as const,
      idNumber: randomResidentId(),
      phone,
      password: STRONG_PASSWORD,
    };
    expect(await registerPerson(db, ctx, { ...base, smsCode: wrong })).toMatchObject({
      ok: false,
      field: "smsCode",
      message: "短信验证码错误",
    });
    expect((await registerPerson(db, ctx, { ...base, smsCode: code })).ok).toBe(true);
  });

  it("re-validates on the server: a bad check character or weak password never gets through", async () => {
    const id = randomResidentId();
    const badCheck = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    const base = {
      name: "王芳",
      idType: "RESIDENT_ID" as const,
      phone: randomPhone(),
      smsCode: "123456",
    };
    expect(
      await registerPerson(db, ctx, { ...base, idNumber: badCheck, password: STRONG_PASSWORD }),
    ).toMatchObject({ ok: false, field: "idNumber" });
    expect(await registerPerson(db, ctx, { ...base, idNumber: id, password: "abc" })).toMatchObject(
      { ok: false, field: "password" },
    );
  });
});
