import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { submitCollection } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { TRANSFER_IN_UNDER_WAY } from "@/lib/person/locks";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { confirmTransferIn, TRANSFER_GONE } from "@/lib/transfer/in-confirm";
import { readTicket, TICKET_EXPIRED } from "@/lib/transfer/in-ticket";
import {
  ALREADY_APPLIED,
  ALREADY_HERE,
  NO_TRANSFER,
  PHONE_NOT_ORIGINS,
  VERIFY_INVALID,
  verifyTransferIn,
} from "@/lib/transfer/in-verify";
import { maskIdNumber } from "@/lib/identity/mask";
import {
  latestCodeFor,
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";
import { FakeExchange } from "../../support/fake-exchange";
import { CALENDAR, transferFixtures } from "../../support/transfer";

const store = tempStorageForFile();
const { collected } = transferFixtures(store);

/** Someone transferring in from 深圳 to 天河区: the exchange holds their transfer. */
/** …and the phone the origin holds for them, which they prove here. */
async function arriving(exchange: FakeExchange, over: { name?: string; idNumber?: string } = {}) {
  const id = randomUUID();
  const idNumber = over.idNumber ?? randomResidentId();
  const name = over.name ?? "王芳";
  const phone = randomPhone();
  exchange.add({ id, name }, idNumber, undefined, phone);
  return { id, idNumber, name, phone };
}

async function codeFor(phone: string) {
  const sent = await sendSmsCode(
    db,
    { ...ctx, ip: `198.51.100.${Math.floor(Math.random() * 250)}` },
    {
      phone,
      purpose: "transfer-in",
      ...(await solvedCaptcha(db)),
    },
  );
  expect(sent.ok).toBe(true);
  return latestCodeFor(phone)!;
}

async function step1(
  exchange: FakeExchange,
  p: { idNumber: string; name: string; phone: string },
  regionCode = "440106",
) {
  return verifyTransferIn(
    db,
    ctx,
    {
      name: p.name,
      idType: "RESIDENT_ID",
      idNumber: p.idNumber,
      phone: p.phone,
      smsCode: await codeFor(p.phone),
      regionCode,
    },
    exchange,
    NOW,
  );
}

describe("省外调入", () => {
  it("verifies, then stores a 调入申请 and opens an account with the password set", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    const v = await step1(exchange, p);
    if (!v.ok) throw new Error(JSON.stringify(v));
    expect(v.preview).toMatchObject({
      needsPassword: true,
      name: "王芳",
      from: "广东省深圳市南山区（深圳市）",
      destination: "广东省广州市天河区",
    });
    expect(readTicket(v.preview.ticket, NOW)).toMatchObject({ transferId: p.id, phone: p.phone });

    const confirm = (password: string) =>
      confirmTransferIn(
        db,
        ctx,
        {
          ticket: v.preview.ticket,
          needsPassword: "yes",
          idNumber: p.idNumber,
          phone: p.phone,
          password,
          confirmPassword: password,
        },
        exchange,
        CALENDAR,
        NOW,
      );
    const weak = await confirm("123456");
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });
    const r = await confirm(STRONG_PASSWORD);
    expect(r).toEqual({ ok: true, id: p.id, accountCreated: true });
    const row = await db.transferIn.findUniqueOrThrow({
      where: { id: p.id },
      include: { person: true },
    });
    expect(row).toMatchObject({ state: "pending", regionCode: "440106", originMember: "440300" });
    expect(row.reviewDueAt.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(row.person).toMatchObject({ name: "王芳", phone: p.phone, regionCode: "440106" });
    expect(await verifyPassword(row.person.passwordHash, STRONG_PASSWORD)).toBe(true);
    // Confirming again (a double click, a retry) is the same application.
    expect(await confirm(STRONG_PASSWORD)).toEqual({ ok: true, id: p.id, accountCreated: false });
    expect(await db.transferIn.count({ where: { personId: row.personId } })).toBe(1);
    // The file on its way is the collection: none is submitted here meanwhile.
    const session = { ...row.person, personId: row.personId, sessionId: randomUUID() };
    expect(await submitCollection(db, ctx, session, NOW)).toEqual({
      ok: false,
      reason: "arriving",
      message: TRANSFER_IN_UNDER_WAY,
    });
    // A second try from step 1 (a new code: the first was used) is told the application exists.
    expect(await step1(exchange, { ...p, phone: randomPhone() })).toMatchObject({
      ok: false,
      reason: "open",
      message: ALREADY_APPLIED,
    });
  });

  it("says where the sending side named when the 调入地 differs, and the same code works once it is corrected", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    const smsCode = await codeFor(p.phone);
    const attempt = (regionCode: string) =>
      verifyTransferIn(
        db,
        ctx,
        {
          name: p.name,
          idType: "RESIDENT_ID",
          idNumber: p.idNumber,
          phone: p.phone,
          smsCode,
          regionCode,
        },
        exchange,
        NOW,
      );
    const r = await attempt("440104");
    expect(r.ok || r.fieldErrors).toEqual({
      regionCode: "调入地须与调出申请时填写的一致（调出地填写的是：广东省广州市天河区）",
    });
    // The exchange briefly down: the code is given back too.
    exchange.down = true;
    expect(await attempt("440106")).toMatchObject({ ok: false, reason: "unavailable" });
    exchange.down = false;
    const ok = await attempt("440106");
    expect(ok.ok).toBe(true);
    // Used for good now: the proof is the ticket.
    expect(await attempt("440106")).toMatchObject({
      ok: false,
      fieldErrors: { smsCode: "短信验证码已过期，请重新获取" },
    });
  });

  it("gives a code back no more often than it may be tried", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    const smsCode = await codeFor(p.phone);
    const wrongRegion = () =>
      verifyTransferIn(
        db,
        ctx,
        {
          name: p.name,
          idType: "RESIDENT_ID",
          idNumber: p.idNumber,
          phone: p.phone,
          smsCode,
          regionCode: "440104",
        },
        exchange,
        NOW,
      );
    // Five tries in all (SECURITY smsCodeMaxAttempts), however many were right.
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await wrongRegion());
    expect(answers.slice(0, 5).every((a) => !a.ok && a.fieldErrors?.regionCode)).toBe(true);
    expect(answers[5]).toMatchObject({ ok: false, fieldErrors: { smsCode: expect.any(String) } });
  });

  it("refuses a phone that is not the origin's before saying where the file goes, and keeps the try on record", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    const other = randomPhone();
    const smsCode = await codeFor(other);
    const attempt = (regionCode: string) =>
      verifyTransferIn(
        db,
        ctx,
        {
          name: p.name,
          idType: "RESIDENT_ID",
          idNumber: p.idNumber,
          phone: other,
          smsCode,
          regionCode,
        },
        exchange,
        NOW,
      );
    // A wrong 调入地 too: the phone is refused first, and the county the origin named not told.
    expect(await attempt("440104")).toEqual({
      ok: false,
      reason: "invalid",
      message: VERIFY_INVALID,
      fieldErrors: { phone: PHONE_NOT_ORIGINS },
    });
    // The code bought that one answer.
    expect(await attempt("440106")).toMatchObject({
      ok: false,
      fieldErrors: { smsCode: "短信验证码已过期，请重新获取" },
    });
    expect(await db.person.count({ where: { phone: other } })).toBe(0);
    const tries = await db.auditEvent.findMany({
      where: {
        action: "transfer.in-verify",
        details: { path: ["idNumber"], equals: maskIdNumber(p.idNumber) },
      },
      orderBy: { id: "asc" },
    });
    // The answer the code bought; a code refused is counted on the code itself.
    expect(
      tries.map((t) => [t.actorType, t.outcome, (t.details as { reason?: string }).reason]),
    ).toEqual([["anonymous", "failure", "invalid"]]);
    expect(JSON.stringify(tries.map((t) => t.details))).not.toContain(p.idNumber);
  });

  it("finds nothing for another name, tells someone collected here to stay, and reports the exchange down", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    expect(await step1(exchange, { ...p, name: "王方" })).toMatchObject({
      ok: false,
      reason: "not-found",
      message: NO_TRANSFER,
    });
    const here = await collected();
    const person = await db.person.findUniqueOrThrow({ where: { id: here.personId } });
    const { decryptField } = await import("@/lib/crypto/field-cipher");
    const theirs = await arriving(exchange, {
      name: person.name,
      idNumber: decryptField(person.idNumberCipher),
    });
    expect(await step1(exchange, theirs)).toMatchObject({
      ok: false,
      reason: "here",
      message: ALREADY_HERE,
    });
    exchange.down = true;
    expect(await step1(exchange, { ...p, phone: randomPhone() })).toMatchObject({
      ok: false,
      reason: "unavailable",
    });
  });

  it("refuses a wrong SMS code, a forged or expired ticket, and a transfer withdrawn meanwhile", async () => {
    const exchange = new FakeExchange();
    const p = await arriving(exchange);
    const smsCode = await codeFor(p.phone);
    const wrong = await verifyTransferIn(
      db,
      ctx,
      {
        name: p.name,
        idType: "RESIDENT_ID",
        idNumber: p.idNumber,
        phone: p.phone,
        smsCode: "000000",
        regionCode: "440106",
      },
      exchange,
      NOW,
    );
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { smsCode: expect.any(String) } });

    // The wrong one cost a try; the code itself still works.
    const v = await verifyTransferIn(
      db,
      ctx,
      {
        name: p.name,
        idType: "RESIDENT_ID",
        idNumber: p.idNumber,
        phone: p.phone,
        smsCode,
        regionCode: "440106",
      },
      exchange,
      NOW,
    );
    if (!v.ok) throw new Error(JSON.stringify(v));
    const input = (ticket: string) => ({
      ticket,
      needsPassword: "yes",
      idNumber: p.idNumber,
      phone: p.phone,
      password: STRONG_PASSWORD,
      confirmPassword: STRONG_PASSWORD,
    });
    const forged = `${v.preview.ticket.slice(0, -4)}AAAA`;
    expect(await confirmTransferIn(db, ctx, input(forged), exchange, CALENDAR, NOW)).toMatchObject({
      ok: false,
      message: TICKET_EXPIRED,
    });
    const later = new Date(NOW.getTime() + 16 * 60_000);
    expect(
      await confirmTransferIn(db, ctx, input(v.preview.ticket), exchange, CALENDAR, later),
    ).toMatchObject({
      ok: false,
      message: TICKET_EXPIRED,
    });
    exchange.transfers.get(p.id)!.view.state = "withdrawn";
    expect(
      await confirmTransferIn(db, ctx, input(v.preview.ticket), exchange, CALENDAR, NOW),
    ).toMatchObject({
      ok: false,
      reason: "not-found",
      message: TRANSFER_GONE,
    });
    expect(await db.person.count({ where: { phone: p.phone } })).toBe(0);
  });
});
