import { describe, expect, it } from "vitest";
import { pruneAppealDraftsIn } from "@/lib/appeal/prune-drafts";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { db } from "@/lib/db/client";
import { documentPageJpeg } from "../../fixtures/images/make";
import { tempStorage } from "../../support/collection";
import { bodyOf, squattedAccount, startedAppeal, submittedAppeal } from "./appeal-fixture";

// Drafts nobody submitted go, with their photos, once their secret has expired; submitted appeals
// and live drafts stay. Twice at once is harmless.

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
