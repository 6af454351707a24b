import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { decideAppeal } from "@/lib/appeal/decide";
import { pruneAppealDraftsIn } from "@/lib/appeal/prune-drafts";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { db } from "@/lib/db/client";
import { documentPageJpeg } from "../../fixtures/images/make";
import { ctx, tempStorage } from "../../support/collection";
import { bodyOf, squattedAccount, startedAppeal, submittedAppeal } from "./appeal-fixture";

// Drafts nobody submitted go, with their photos, once their secret has expired; submitted appeals
// and live drafts stay. The photos of decided appeals go once their retention has passed (the
// appeal's row stays). Twice at once is harmless.

afterEach(() => {
  delete process.env.KUAIJI_APPEAL_PHOTO_RETENTION_DAYS;
});

describe("appeal-draft-prune", () => {
  it("removes expired drafts and their photos, nothing else", async () => {
    const store = await tempStorage();
    const account = await squattedAccount(db, "440106");
    const draft = await startedAppeal(db, account);
    const r = await storeAppealPhoto(db, store.storage, draft.ctx, {
      appealId: draft.appealId,
      token: draft.token,
      kind: "id-front",
      body: bodyOf(await documentPageJpeg(800, 600)),
    });
    expect(r.ok).toBe(true);
    const submitted = await submittedAppeal(db, store.storage);
    const job = pruneAppealDraftsIn(() => store.storage);

    // before the secret expires: kept
    await job({ db, now: new Date(draft.expiresAt.getTime() - 1000) });
    expect(await db.accountAppeal.count({ where: { id: draft.appealId } })).toBe(1);

    const after = new Date(draft.expiresAt.getTime() + 1000);
    const [a, b] = await Promise.all([job({ db, now: after }), job({ db, now: after })]);
    expect(a.processed + b.processed).toBeGreaterThanOrEqual(1);
    expect(await db.accountAppeal.count({ where: { id: draft.appealId } })).toBe(0);
    expect(await db.appealPhoto.count({ where: { appealId: draft.appealId } })).toBe(0);
    expect(await db.accountAppeal.count({ where: { id: submitted.appealId } })).toBe(1);
    // the submitted appeal's three photos are the only objects left
    expect(await store.files()).toHaveLength(3);
    await store.remove();
  });
});

describe("appeal photos' retention after the decision", () => {
  it("deletes a decided appeal's photos once the retention has passed, audited; pending ones keep theirs", async () => {
    process.env.KUAIJI_APPEAL_PHOTO_RETENTION_DAYS = "30";
    const store = await tempStorage();
    const decided = await submittedAppeal(db, store.storage);
    const pending = await submittedAppeal(db, store.storage);
    const reviewer = { staffId: randomUUID(), regionCodes: ["4401"], roles: ["identity-review"] };
    const r = await decideAppeal(db, ctx, reviewer, {
      id: decided.appealId,
      decision: "reject",
      reason: "照片不清晰",
    });
    expect(r).toEqual({ ok: true });
    // decided long ago (in 2001: no appeal of another test is that old)
    const decidedAt = new Date("2001-03-01T00:00:00Z");
    await db.accountAppeal.update({ where: { id: decided.appealId }, data: { decidedAt } });
    const job = pruneAppealDraftsIn(() => store.storage);
    const day = 86_400_000;

    await job({ db, now: new Date(decidedAt.getTime() + 29 * day) });
    expect(await db.appealPhoto.count({ where: { appealId: decided.appealId } })).toBe(3);

    const due = new Date(decidedAt.getTime() + 31 * day);
    const [a, b] = await Promise.all([job({ db, now: due }), job({ db, now: due })]);
    expect(a.detail.decidedPhotos + b.detail.decidedPhotos).toBe(3);
    expect(await db.appealPhoto.count({ where: { appealId: decided.appealId } })).toBe(0);
    expect(
      (await db.accountAppeal.findUniqueOrThrow({ where: { id: decided.appealId } }))
        .photosPurgedAt,
    ).toEqual(due);
    expect(await db.appealPhoto.count({ where: { appealId: pending.appealId } })).toBe(3);
    expect(await store.files()).toHaveLength(3);
    expect(
      await db.auditEvent.count({
        where: { action: "appeal.prune", details: { path: ["decidedAppeals"], equals: 1 } },
      }),
    ).toBeGreaterThanOrEqual(1);
    await store.remove();
  });
});
