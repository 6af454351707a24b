import { describe, expect, it } from "vitest";
import { APPEAL_PHOTO_LIMIT, APPEAL_START_LIMIT, APPEALS_TOO_FREQUENT } from "@/lib/appeal/limits";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { startAppeal } from "@/lib/appeal/start";
import { db } from "@/lib/db/client";
import { UPLOAD_IN_PROGRESS, UPLOADS_TOO_FREQUENT } from "@/lib/upload/upload-gate";
import { documentPageJpeg } from "../../fixtures/images/make";
import { freshClient, randomPhone, randomResidentId } from "../../support/accounts";
import { tempStorage } from "../../support/collection";
import { appealCode, squattedAccount, startedAppeal } from "./appeal-fixture";

// 账号申诉 is anonymous, so what one client may cost is a budget counted in the database before the
// work, refusals included (lib/appeal/limits.ts): attacked here in parallel.

const attempt = (ip: { ip: string; userAgent: string }, idNumber: string) =>
  startAppeal(db, ip, {
    name: "王真",
    idType: "RESIDENT_ID",
    idNumber,
    phone: randomPhone(),
    smsCode: "000000",
  });

/** A body that records whether the service ever read it. */
function watchedBody(bytes: Buffer) {
  const seen = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.read = true;
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("appeal budgets under parallel attack", () => {
  it("one address: its daily number of appeals begun, however many at once", async () => {
    const client = freshClient();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => attempt(client, randomResidentId())),
    );
    // the budget is taken before the code is checked: only that many even reach the check
    expect(results.filter((r) => !r.ok && r.reason === "sms-code")).toHaveLength(
      APPEAL_START_LIMIT.perAddress,
    );
    const refused = results.filter((r) => !r.ok && r.reason === "too-many");
    expect(refused).toHaveLength(25 - APPEAL_START_LIMIT.perAddress);
    for (const r of refused) expect(r).toMatchObject({ message: APPEALS_TOO_FREQUENT });
  });

  it("one 证件号码: its daily number of appeals with proven phones, from however many addresses", async () => {
    const account = await squattedAccount(db, "440106");
    const phones = Array.from({ length: 12 }, () => randomPhone());
    const codes = await Promise.all(phones.map((p) => appealCode(db, p)));
    const results = await Promise.all(
      phones.map((phone, i) =>
        startAppeal(db, freshClient(), {
          name: "王真",
          idType: "RESIDENT_ID",
          idNumber: account.idNumber,
          phone,
          smsCode: codes[i]!,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(APPEAL_START_LIMIT.perNumber);
    expect(results.filter((r) => !r.ok && r.reason === "too-many")).toHaveLength(
      12 - APPEAL_START_LIMIT.perNumber,
    );
  });

  it("junk codes for a number, however many and from however many addresses, do not block its owner", async () => {
    const account = await squattedAccount(db, "440106");
    const junk = await Promise.all(
      Array.from({ length: APPEAL_START_LIMIT.perNumber * 3 }, () =>
        attempt(freshClient(), account.idNumber),
      ),
    );
    expect(junk.every((r) => !r.ok && r.reason === "sms-code")).toBe(true);
    const owner = await startedAppeal(db, account);
    expect(owner.appealId).toBeTruthy();
  });

  it("one draft's photos: two at a time, its budget in all, the rest refused unread, nothing half-stored", async () => {
    const store = await tempStorage();
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    const bytes = await documentPageJpeg(800, 600);
    const bodies = Array.from({ length: 30 }, () => watchedBody(bytes));
    const results = await Promise.all(
      bodies.map((b, i) =>
        storeAppealPhoto(db, store.storage, draft.ctx, {
          appealId: draft.appealId,
          token: draft.token,
          kind: (["id-front", "id-back", "holding"] as const)[i % 3]!,
          body: b.stream,
        }),
      ),
    );
    const stored = results.filter((r) => r.ok);
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(stored.length).toBeLessThanOrEqual(2);
    const overBudget = results.filter((r) => !r.ok && r.message === UPLOADS_TOO_FREQUENT);
    expect(overBudget).toHaveLength(30 - APPEAL_PHOTO_LIMIT.count);
    for (const r of overBudget) expect(r).toMatchObject({ status: 429 });
    const busy = results.filter((r) => !r.ok && r.message === UPLOAD_IN_PROGRESS);
    expect(stored.length + busy.length).toBe(APPEAL_PHOTO_LIMIT.count);
    expect(bodies.filter((b) => b.seen.read)).toHaveLength(stored.length);
    // one row per kind stored (a later photo of a kind replaces the earlier), one object per row
    const kindOf = (i: number) => (["id-front", "id-back", "holding"] as const)[i % 3]!;
    const kinds = new Set(results.flatMap((r, i) => (r.ok ? [kindOf(i)] : [])));
    const rows = await db.appealPhoto.findMany({ where: { appealId: draft.appealId } });
    expect(new Set(rows.map((r) => r.kind))).toEqual(kinds);
    expect(rows).toHaveLength(kinds.size);
    expect(await store.files()).toHaveLength(rows.length);
    // and the budget holds afterwards too
    const next = await storeAppealPhoto(db, store.storage, draft.ctx, {
      appealId: draft.appealId,
      token: draft.token,
      kind: "holding",
      body: watchedBody(bytes).stream,
    });
    expect(next).toMatchObject({ ok: false, status: 429, message: UPLOADS_TOO_FREQUENT });
    const denied = await db.auditEvent.count({
      where: { targetId: draft.appealId, action: "appeal.photo", outcome: "denied" },
    });
    expect(denied).toBe(30 - APPEAL_PHOTO_LIMIT.count + 1);
    await store.remove();
  });

  it("a new photo of a kind replaces the old one, object and row", async () => {
    const store = await tempStorage();
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    const send = async (width: number) =>
      storeAppealPhoto(db, store.storage, draft.ctx, {
        appealId: draft.appealId,
        token: draft.token,
        kind: "holding",
        body: watchedBody(await documentPageJpeg(width, 600)).stream,
      });
    expect(await send(800)).toMatchObject({ ok: true, width: 800 });
    expect(await send(900)).toMatchObject({ ok: true, width: 900 });
    const rows = await db.appealPhoto.findMany({ where: { appealId: draft.appealId } });
    expect(rows.map((r) => [r.kind, r.width])).toEqual([["holding", 900]]);
    expect(await store.files()).toHaveLength(1);
    await store.remove();
  });

  it("a photo without the draft's secret is refused before its body is read", async () => {
    const store = await tempStorage();
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    const b = watchedBody(await documentPageJpeg(800, 600));
    const r = await storeAppealPhoto(db, store.storage, draft.ctx, {
      appealId: draft.appealId,
      token: "wrong",
      kind: "id-front",
      body: b.stream,
    });
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(b.seen.read).toBe(false);
    expect(await store.files()).toHaveLength(0);
    await store.remove();
  });
});
