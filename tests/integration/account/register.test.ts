import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { register, sendRegisterCode } from "@/app/[locale]/(auth)/register/actions";
import { ID_REGISTERED, PHONE_TAKEN, registerPerson } from "@/lib/account/register-service";
import { CAPTCHA_WRONG } from "@/lib/account/captcha-service";
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
import { birthColumns, tablesShowingBirthDate } from "../../support/birth-date";

const ctx = { ip: "203.0.113.10", userAgent: "vitest" };

// The actions as the page calls them: the request's headers are Next.js's.
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` }),
}));

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
  it("creates the account with gender and birth year from the ID number, and audits it", async () => {
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
    // The year in clear, the day only inside the encrypted number (issue 12, 3).
    expect(p.birthYear).toBe(Number(idNumber.slice(6, 10)));
    expect(p.idNumberMasked).toBe(`${idNumber.slice(0, 4)}${"*".repeat(12)}${idNumber.slice(-2)}`);
    const day = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    expect(await tablesShowingBirthDate(db, [result.personId], day)).toEqual([]);
    expect(await birthColumns(db)).toEqual([
      "Person.birthYear:smallint",
      "PersonSearch.birthYear:smallint",
    ]);
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
    expect(again.result).toEqual({
      ok: false,
      reason: "id-registered",
      message: "",
      fieldErrors: { idNumber: ID_REGISTERED },
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
    expect(samePhone).toMatchObject({
      ok: false,
      reason: "phone-taken",
      fieldErrors: { phone: PHONE_TAKEN },
    });
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
    expect(probe).toMatchObject({ ok: false, reason: "sms-code" });
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
      reason: "sms-code",
      fieldErrors: { smsCode: "短信验证码错误" },
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
    ).toMatchObject({
      ok: false,
      reason: "id-invalid",
      fieldErrors: { idNumber: expect.any(String) },
    });
    expect(await registerPerson(db, ctx, { ...base, idNumber: id, password: "abc" })).toMatchObject(
      { ok: false, reason: "password-weak", fieldErrors: { password: expect.any(String) } },
    ); // a well-known password passes the character rules, not registration
    expect(
      await registerPerson(db, ctx, { ...base, idNumber: id, password: "P@ssw0rd2026" }),
    ).toMatchObject({
      ok: false,
      reason: "password-weak",
      fieldErrors: { password: "该密码过于常见，容易被他人猜中，请换一个" },
    });
  });
});

describe("用户注册: races and the action's answer", () => {
  /** A fresh code for `phone`, as 获取短信验证码 gives it. */
  async function codeFor(phone: string) {
    const sent = await sendSmsCode(db, ctx, {
      phone,
      purpose: "register",
      ...(await solvedCaptcha(db)),
    });
    expect(sent.ok).toBe(true);
    return latestCodeFor(phone)!;
  }

  it("lets the unique indexes decide two registrations racing past the checks", async () => {
    const idNumber = randomResidentId();
    const phones = [randomPhone(), randomPhone(), randomPhone()];
    const codes = await Promise.all(phones.map(codeFor));
    const results = await Promise.all(
      phones.map((phone, i) =>
        registerPerson(db, ctx, {
          name: "李雪",
          idType: "RESIDENT_ID",
          idNumber,
          phone,
          smsCode: codes[i]!,
          password: STRONG_PASSWORD,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toEqual({
        ok: false,
        reason: "id-registered",
        message: "",
        fieldErrors: { idNumber: ID_REGISTERED },
      });
    }
    const samePhone = randomPhone();
    const [a, b] = [randomResidentId(), randomResidentId()];
    const code = await codeFor(samePhone);
    // One code, one phone: the second registration is told the code is used, or the phone taken.
    const both = await Promise.all(
      [a, b].map((id) =>
        registerPerson(db, ctx, {
          name: "李雪",
          idType: "RESIDENT_ID",
          idNumber: id,
          phone: samePhone,
          smsCode: code,
          password: STRONG_PASSWORD,
        }),
      ),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.person.count({ where: { phone: samePhone } })).toBe(1);
  });

  it("answers a registered number with code id-registered and the message at the field", async () => {
    const phone = randomPhone();
    const captcha = await solvedCaptcha(db);
    expect(await sendRegisterCode({ phone, ...captcha })).toMatchObject({ ok: true });
    const input = {
      name: "李雪",
      idType: "RESIDENT_ID" as const,
      idNumber: randomResidentId(),
      phone,
      smsCode: latestCodeFor(phone)!,
      password: STRONG_PASSWORD,
      confirmPassword: STRONG_PASSWORD,
    };
    expect(await register({ ...input, smsCode: "000000" })).toMatchObject({
      ok: false,
      fieldErrors: { smsCode: expect.any(String) },
      code: "sms-code",
    });
    expect(await register(input)).toEqual({ ok: true, data: null });

    const again = { ...input, phone: randomPhone() };
    expect(
      await sendRegisterCode({ phone: again.phone, ...(await solvedCaptcha(db)) }),
    ).toMatchObject({ ok: true });
    const r = await register({ ...again, smsCode: latestCodeFor(again.phone)! });
    // No sentinel above the form: the page shows 找回密码 beside the field because of `code`.
    expect(r).toEqual({
      ok: false,
      fieldErrors: { idNumber: ID_REGISTERED },
      code: "id-registered",
    });
  });

  it("answers a wrong captcha at the captcha field", async () => {
    const { captchaId } = await solvedCaptcha(db);
    expect(
      await sendRegisterCode({ phone: randomPhone(), captchaId, captchaAnswer: "wrong" }),
    ).toEqual({
      ok: false,
      fieldErrors: { captchaAnswer: CAPTCHA_WRONG },
      code: "captcha",
    });
  });
});
