import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { phoneMatchesAccount, resetPassword } from "@/lib/account/password-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import {
  ACCOUNT_CHANGED,
  ALREADY_DECIDED,
  APPEAL_MISSING,
  decideAppeal,
} from "@/lib/appeal/decide";
import { appealsForReview } from "@/lib/appeal/list";
import { appealForReview } from "@/lib/appeal/open";
import { ALREADY_APPEALED, startAppeal } from "@/lib/appeal/start";
import { submitAppeal } from "@/lib/appeal/submit";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { db } from "@/lib/db/client";
import {
  freshClient,
  messagesTo,
  randomPhone,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";
import { ctx, tempStorageForFile } from "../../support/collection";
import {
  appealCode,
  newestCode,
  squattedAccount,
  startedAppeal,
  submittedAppeal,
  submittedDraft,
} from "./appeal-fixture";

// One account, several appeals: the first 通过 closes the others (they were made against the phone
// the account just left), a decision refuses once the account's phone is not the one at 提交, one
// phone has one appeal pending at a time; and the reviewers are those of the account's region now.

const store = tempStorageForFile();
const reviewer = (regionCodes: string[] = ["4401"]): StaffActor => ({
  staffId: randomUUID(),
  regionCodes,
  roles: ["identity-review"],
});
const reassign = (id: string, who = reviewer()) =>
  decideAppeal(db, ctx, who, { id, decision: "reassign" });

async function setPasswordByReset(idNumber: string, phone: string, at: Date) {
  await sendSmsCode(
    db,
    freshClient(),
    {
      phone,
      purpose: "reset-password",
      ...(await solvedCaptcha(db, at)),
      deliverTo: (tx) => phoneMatchesAccount(tx, idNumber, phone),
    },
    at,
  );
  const code = await newestCode(phone);
  return resetPassword(db, ctx, { idNumber, phone, smsCode: code, password: STRONG_PASSWORD }, at);
}

describe("two appeals of one account", () => {
  it("the first 通过 closes the other, tells its appellant, and the other cannot move the account again", async () => {
    const account = await squattedAccount(db, "440106");
    const a = await submittedDraft(db, store.current.storage, await startedAppeal(db, account));
    const b = await submittedDraft(db, store.current.storage, await startedAppeal(db, account));
    const draftC = await startedAppeal(db, account);

    expect(await reassign(a.appealId)).toEqual({ ok: true });
    const closed = await db.accountAppeal.findUniqueOrThrow({ where: { id: b.appealId } });
    expect(closed).toMatchObject({ state: "superseded", decisionReason: expect.any(String) });
    expect(messagesTo(b.draft.phone).at(-1)).toContain(`编号${b.appealNumber}）已终止`);
    // the draft is closed too: its 提交 finds nothing to submit
    expect(await submitAppeal(db, draftC.ctx, draftC, null)).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect(
      await db.auditEvent.count({
        where: { action: "appeal.decide", targetId: { in: [b.appealId, draftC.appealId] } },
      }),
    ).toBe(2);

    expect(await reassign(b.appealId)).toEqual({
      ok: false,
      reason: "stale",
      message: ALREADY_DECIDED,
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: account.id } })).phone).toBe(
      a.draft.phone,
    );
  });

  it("a duplicate from the same phone cannot blank the password its appellant set after 通过", async () => {
    const account = await squattedAccount(db, "440106");
    const first = await startedAppeal(db, account);
    // two drafts from one phone, both submitted (two tabs)
    const second = await startedAppeal(
      db,
      account,
      freshClient(),
      "王真",
      first.phone,
      new Date(Date.now() + 61_000),
    );
    const a = await submittedDraft(db, store.current.storage, first);
    const b = await submittedDraft(db, store.current.storage, second);
    expect(await reassign(a.appealId)).toEqual({ ok: true });
    const later = new Date(Date.now() + 122_000);
    expect(await setPasswordByReset(account.idNumber, first.phone, later)).toEqual({ ok: true });
    const before = await db.person.findUniqueOrThrow({ where: { id: account.id } });

    expect(await reassign(b.appealId)).toMatchObject({ ok: false, reason: "stale" });
    // and were it still pending (closed by nothing), the phone at its 提交 is not the account's now
    await db.accountAppeal.update({ where: { id: b.appealId }, data: { state: "pending" } });
    expect(await reassign(b.appealId)).toEqual({
      ok: false,
      reason: "stale",
      message: ACCOUNT_CHANGED,
    });
    const after = await db.person.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.passwordHash).not.toBe("");
  });

  it("refuses 通过 once the account's phone changed after 提交", async () => {
    const { account, appealId } = await submittedAppeal(db, store.current.storage);
    await db.person.update({ where: { id: account.id }, data: { phone: randomPhone() } });
    expect(await reassign(appealId)).toEqual({
      ok: false,
      reason: "stale",
      message: ACCOUNT_CHANGED,
    });
    expect((await db.accountAppeal.findUniqueOrThrow({ where: { id: appealId } })).state).toBe(
      "pending",
    );
  });

  it("one phone, one pending appeal: a second start is refused at the phone field", async () => {
    const account = await squattedAccount(db, "440106");
    const a = await submittedDraft(db, store.current.storage, await startedAppeal(db, account));
    const later = new Date(Date.now() + 61_000);
    const again = await startAppeal(
      db,
      freshClient(),
      {
        name: "王真",
        idType: "RESIDENT_ID",
        idNumber: account.idNumber,
        phone: a.draft.phone,
        smsCode: await appealCode(db, a.draft.phone, later),
      },
      later,
    );
    expect(again).toMatchObject({
      ok: false,
      reason: "duplicate",
      fieldErrors: { phone: ALREADY_APPEALED },
    });
  });
});

describe("the account's region now decides who reviews", () => {
  it("after the account moved, the new region's reviewers see and decide it, the old region's do not", async () => {
    const { account, appealId, appealNumber } = await submittedAppeal(
      db,
      store.current.storage,
      "440106",
    );
    await db.person.update({ where: { id: account.id }, data: { regionCode: "440303" } });
    const oldRegion = reviewer(["4401"]);
    const newRegion = reviewer(["4403"]);

    const oldQueue = await appealsForReview(db, oldRegion, "pending");
    expect(oldQueue.rows.map((r) => r.appealNumber)).not.toContain(appealNumber);
    expect(await appealForReview(db, ctx, oldRegion, appealId)).toBeNull();
    expect(await reassign(appealId, oldRegion)).toEqual({
      ok: false,
      reason: "not-found",
      message: APPEAL_MISSING,
    });

    const newQueue = await appealsForReview(db, newRegion, "pending");
    expect(newQueue.rows.map((r) => r.appealNumber)).toContain(appealNumber);
    expect(await appealForReview(db, ctx, newRegion, appealId)).not.toBeNull();
    expect(await reassign(appealId, newRegion)).toEqual({ ok: true });
  });
});
