import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/account/login-service";
import { phoneMatchesAccount, resetPassword } from "@/lib/account/password-service";
import { createSession } from "@/lib/account/session-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { appealsForReview } from "@/lib/appeal/list";
import { appealForReview, appealPhotoForReview } from "@/lib/appeal/open";
import {
  ALREADY_DECIDED,
  APPEAL_MISSING,
  decideAppeal,
  PHONE_NOW_TAKEN,
} from "@/lib/appeal/decide";
import { NOT_REGISTERED, OWN_PHONE, startAppeal } from "@/lib/appeal/start";
import { submitAppeal } from "@/lib/appeal/submit";
import { APPEAL_NOT_FOUND, appealStatus } from "@/lib/appeal/status";
import type { RealNameVerifier } from "@/lib/appeal/real-name-port";
import { DRAFT_EXPIRED } from "@/lib/appeal/draft";
import { ROLE_REFUSAL, type StaffActor } from "@/lib/codes/staff-roles";
import { db } from "@/lib/db/client";
import {
  freshClient,
  messagesTo,
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";
import { ctx, tempStorageForFile } from "../../support/collection";
import { createPerson } from "../../support/person";
import {
  appealCode,
  newestCode,
  squattedAccount,
  startedAppeal,
  submittedAppeal,
} from "./appeal-fixture";

// 账号申诉 end to end through the services (issue 12, 13): the appellant proves a new phone, sends
// the photos and submits; staff of the account's region reassign the account to that phone or
// reject with a reason — once.

const store = tempStorageForFile();
const reviewer = (regionCodes: string[] = ["4401"]): StaffActor => ({
  staffId: randomUUID(),
  regionCodes,
  roles: ["identity-review"],
});
const auditOf = (appealId: string) =>
  db.auditEvent.findMany({ where: { targetId: appealId }, orderBy: { id: "asc" } });

describe("账号申诉: 通过 (改绑)", () => {
  it("moves the account to the new phone, voids the password, ends the sessions, tells both phones", async () => {
    const { account, draft, appealId, appealNumber } = await submittedAppeal(
      db,
      store.current.storage,
    );
    const session = await db.$transaction((tx) => createSession(tx, { personId: account.id }, ctx));
    expect(messagesTo(draft.phone).at(-1)).toContain(`申诉编号${appealNumber}`);
    const staff = reviewer();

    const page = await appealsForReview(db, staff, "pending");
    expect(page.rows.map((r) => r.id)).toContain(appealId);
    const open = await appealForReview(db, ctx, staff, appealId);
    expect(open).toMatchObject({
      appealNumber,
      state: "pending",
      appellant: {
        name: "王真",
        phoneMasked: `${draft.phone.slice(0, 3)}****${draft.phone.slice(7)}`,
      },
      account: { name: "陈静", collected: false },
      realName: null,
    });
    expect(open?.photos.map((p) => p.kind)).toEqual(["id-front", "id-back", "holding"]);
    expect(JSON.stringify(open)).not.toContain(account.idNumber);
    expect(await appealPhotoForReview(db, staff, appealId, "holding")).toMatchObject({
      regionCode: "440106",
    });

    expect(await decideAppeal(db, ctx, staff, { id: appealId, decision: "reassign" })).toEqual({
      ok: true,
    });
    const person = await db.person.findUniqueOrThrow({ where: { id: account.id } });
    expect(person.phone).toBe(draft.phone);
    expect(person.passwordHash).toBe("");
    const s = await db.authSession.findUniqueOrThrow({ where: { id: session } });
    expect(s).toMatchObject({ revokeReason: "appeal" });
    expect(s.revokedAt).not.toBeNull();
    // the old password opens nothing any more
    expect(
      (
        await authenticate(db, freshClient(), {
          idNumber: account.idNumber,
          password: account.password,
        })
      ).ok,
    ).toBe(false);
    expect(messagesTo(account.phone).at(-1)).toContain("已改绑至其他手机号码");
    expect(messagesTo(draft.phone).at(-1)).toContain(`编号${appealNumber}）已通过`);

    const audit = await auditOf(appealId);
    expect(audit.map((a) => a.action)).toEqual([
      "appeal.start",
      "appeal.photo",
      "appeal.photo",
      "appeal.photo",
      "appeal.submit",
      "appeal.view",
      "appeal.decide",
    ]);
    const decided = audit.at(-1)!;
    expect(decided).toMatchObject({
      actorType: "staff",
      actorId: staff.staffId,
      regionCode: "440106",
    });
    expect(decided.details).toMatchObject({ decision: "reassign", sessionsEnded: 1 });
    const recorded = JSON.stringify(audit.map((a) => a.details));
    expect(recorded).not.toContain(draft.phone);
    expect(recorded).not.toContain(account.idNumber);

    // 找回密码 with the new phone gives the appellant a password, and 登录 works
    expect(await phoneMatchesAccount(db, account.idNumber, draft.phone)).toBe(true);
    const later = new Date(Date.now() + 61_000);
    await sendSmsCode(
      db,
      freshClient(),
      {
        phone: draft.phone,
        purpose: "reset-password",
        ...(await solvedCaptcha(db, later)),
        deliverTo: (tx) => phoneMatchesAccount(tx, account.idNumber, draft.phone),
      },
      later,
    );
    const code = await newestCode(draft.phone);
    const reset = await resetPassword(
      db,
      ctx,
      { idNumber: account.idNumber, phone: draft.phone, smsCode: code, password: STRONG_PASSWORD },
      later,
    );
    expect(reset.ok).toBe(true);
    expect(
      (
        await authenticate(
          db,
          freshClient(),
          { idNumber: account.idNumber, password: STRONG_PASSWORD },
          later,
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses to reassign to a phone that registered another account meanwhile", async () => {
    const { appealId, draft } = await submittedAppeal(db, store.current.storage);
    const other = await createPerson(db);
    await db.person.update({ where: { id: other.id }, data: { phone: draft.phone } });
    expect(await decideAppeal(db, ctx, reviewer(), { id: appealId, decision: "reassign" })).toEqual(
      {
        ok: false,
        reason: "phone-taken",
        message: PHONE_NOW_TAKEN,
      },
    );
    // rolled back whole: still awaiting a decision, no decision on the record
    const row = await db.accountAppeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(row.state).toBe("pending");
    expect((await auditOf(appealId)).map((a) => a.action)).not.toContain("appeal.decide");
  });
});

describe("账号申诉: 不通过", () => {
  it("keeps the account as it is and tells the appellant why; the status page says so too", async () => {
    const { account, draft, appealId, appealNumber } = await submittedAppeal(
      db,
      store.current.storage,
    );
    const staff = reviewer(["440106"]);
    expect(await decideAppeal(db, ctx, staff, { id: appealId, decision: "reject" })).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { reason: expect.any(String) },
    });
    const r = await decideAppeal(db, ctx, staff, {
      id: appealId,
      decision: "reject",
      reason: "手持证件照片不清晰",
    });
    expect(r).toEqual({ ok: true });
    const person = await db.person.findUniqueOrThrow({ where: { id: account.id } });
    expect(person.phone).toBe(account.phone);
    expect(person.passwordHash).not.toBe("");
    expect(messagesTo(draft.phone).at(-1)).toContain("未通过：手持证件照片不清晰");
    expect(messagesTo(account.phone)).toEqual([]);
    const decided = (await auditOf(appealId)).filter((a) => a.action === "appeal.decide");
    expect(decided).toHaveLength(1);
    expect(decided[0]!.details).toMatchObject({ decision: "reject" });

    // 申诉进度查询: the number and a code to the appeal's phone
    const later = new Date(Date.now() + 61_000);
    const code = await appealCode(db, draft.phone, later);
    expect(
      await appealStatus(
        db,
        ctx,
        { appealNumber: appealNumber.toLowerCase(), phone: draft.phone, smsCode: code },
        later,
      ),
    ).toMatchObject({
      ok: true,
      status: { appealNumber, state: "rejected", reason: "手持证件照片不清晰" },
    });
  });

  it("the status page answers not found for another phone's code, as for a wrong number", async () => {
    const { appealNumber } = await submittedAppeal(db, store.current.storage);
    const stranger = randomPhone();
    const code = await appealCode(db, stranger);
    expect(
      await appealStatus(db, ctx, { appealNumber, phone: stranger, smsCode: code }),
    ).toMatchObject({
      ok: false,
      reason: "not-found",
      fieldErrors: { appealNumber: APPEAL_NOT_FOUND },
    });
  });
});

describe("one decision", () => {
  it("two reviewers at once: exactly one decides, the other is told it is decided", async () => {
    for (let round = 0; round < 3; round++) {
      const { appealId, account, draft } = await submittedAppeal(db, store.current.storage);
      const results = await Promise.all([
        decideAppeal(db, ctx, reviewer(), { id: appealId, decision: "reassign" }),
        decideAppeal(db, ctx, reviewer(), { id: appealId, decision: "reject", reason: "资料不符" }),
        decideAppeal(db, ctx, reviewer(), { id: appealId, decision: "reassign" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) {
        expect(r).toEqual({ ok: false, reason: "stale", message: ALREADY_DECIDED });
      }
      const decisions = (await auditOf(appealId)).filter((a) => a.action === "appeal.decide");
      expect(decisions).toHaveLength(1);
      const row = await db.accountAppeal.findUniqueOrThrow({ where: { id: appealId } });
      const person = await db.person.findUniqueOrThrow({ where: { id: account.id } });
      expect(person.phone).toBe(row.state === "reassigned" ? draft.phone : account.phone);
    }
  });
});

describe("who may", () => {
  it("out of the region reads and decides exactly like an appeal that does not exist", async () => {
    const { appealId, appealNumber } = await submittedAppeal(db, store.current.storage);
    for (const regions of [["440104"], ["4406"]]) {
      const staff = reviewer(regions);
      const outside = await decideAppeal(db, ctx, staff, { id: appealId, decision: "reassign" });
      const missing = await decideAppeal(db, ctx, staff, {
        id: randomUUID(),
        decision: "reassign",
      });
      expect(outside).toEqual(missing);
      expect(outside).toEqual({ ok: false, reason: "not-found", message: APPEAL_MISSING });
      expect(await appealForReview(db, ctx, staff, appealId)).toBeNull();
      expect(await appealPhotoForReview(db, staff, appealId, "id-front")).toBeNull();
      const page = await appealsForReview(db, staff, "pending");
      expect(JSON.stringify(page)).not.toContain(appealNumber);
    }
    expect((await db.accountAppeal.findUniqueOrThrow({ where: { id: appealId } })).state).toBe(
      "pending",
    );
    expect((await auditOf(appealId)).map((a) => a.action)).not.toContain("appeal.view");
  });

  it("a staff member of the region without identity-review is refused everything", async () => {
    const { appealId } = await submittedAppeal(db, store.current.storage);
    const staff: StaffActor = {
      staffId: randomUUID(),
      regionCodes: ["44"],
      roles: ["archive-read", "transfer-review", "staff-admin"],
    };
    expect(await decideAppeal(db, ctx, staff, { id: appealId, decision: "reassign" })).toEqual(
      ROLE_REFUSAL,
    );
    expect(await appealForReview(db, ctx, staff, appealId)).toBeNull();
    expect(await appealPhotoForReview(db, staff, appealId, "id-front")).toBeNull();
    expect((await appealsForReview(db, staff, "pending")).rows).toEqual([]);
  });

  it("a draft nobody submitted is nobody's work", async () => {
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    expect(await appealForReview(db, ctx, reviewer(), draft.appealId)).toBeNull();
    expect(
      await decideAppeal(db, ctx, reviewer(), { id: draft.appealId, decision: "reassign" }),
    ).toMatchObject({ reason: "not-found" });
  });
});

describe("第一步 and 提交", () => {
  it("refuses a number nobody registered, and the account's own phone", async () => {
    const phone = randomPhone();
    const smsCode = await appealCode(db, phone);
    const free = await startAppeal(db, freshClient(), {
      name: "王真",
      idType: "RESIDENT_ID",
      idNumber: randomResidentId(),
      phone,
      smsCode,
    });
    expect(free).toMatchObject({
      reason: "not-registered",
      fieldErrors: { idNumber: NOT_REGISTERED },
    });

    const account = await squattedAccount(db, "440106");
    const own = await startAppeal(db, freshClient(), {
      name: "王真",
      idType: "RESIDENT_ID",
      idNumber: account.idNumber,
      phone: account.phone,
      smsCode: await appealCode(db, account.phone),
    });
    expect(own).toMatchObject({ reason: "own-phone", fieldErrors: { phone: OWN_PHONE } });
    expect(await db.accountAppeal.count({ where: { personId: account.id } })).toBe(0);
  });

  it("a wrong code begins nothing", async () => {
    const account = await squattedAccount(db, "440106");
    const phone = randomPhone();
    await appealCode(db, phone);
    const r = await startAppeal(db, freshClient(), {
      name: "王真",
      idType: "RESIDENT_ID",
      idNumber: account.idNumber,
      phone,
      smsCode: "000000",
    });
    expect(r).toMatchObject({ ok: false, reason: "sms-code" });
    expect(await db.accountAppeal.count({ where: { personId: account.id } })).toBe(0);
  });

  it("提交 needs the three photos and the draft's secret, and happens once", async () => {
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    expect(await submitAppeal(db, ctx, draft, null)).toMatchObject({
      reason: "photos-missing",
      fieldErrors: {
        "id-front": expect.any(String),
        "id-back": expect.any(String),
        holding: expect.any(String),
      },
    });
    expect(await submitAppeal(db, ctx, { ...draft, token: "x".repeat(43) }, null)).toEqual({
      ok: false,
      reason: "expired",
      message: DRAFT_EXPIRED,
    });
    const late = new Date(Date.now() + 61 * 60_000);
    expect(await submitAppeal(db, ctx, draft, null, late)).toMatchObject({ reason: "expired" });
  });

  it("shows a configured real-name service's answer to the reviewer", async () => {
    const { storage } = store.current;
    const seen: string[] = [];
    const verifier: RealNameVerifier = {
      provider: "test",
      verify: async (q) => {
        seen.push(q.idNumber);
        return "mismatch";
      },
    };
    const { appealId, account } = await submittedAppeal(db, storage, "440106", verifier);
    expect(seen).toEqual([account.idNumber]);
    const open = await appealForReview(db, ctx, reviewer(), appealId);
    expect(open?.realName).toMatchObject({
      provider: "test",
      outcome: "mismatch",
      label: "不一致",
    });
  });
});
