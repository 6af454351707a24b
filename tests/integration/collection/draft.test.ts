import { describe, expect, inject, it } from "vitest";
import {
  ALREADY_COLLECTED,
  ATTACHMENT_INVALID,
  DRAFT_STALE,
  loadDraft,
  saveDraftOnly,
  type SaveResult,
  saveStep,
  STEP_LOCKED,
} from "@/lib/collection/draft-service";
import { collectionStatus } from "@/lib/collection/archive-service";
import { TRUTH_PLEDGE_REQUIRED } from "@/lib/collection/schemas/notice";
import { db } from "@/lib/db/client";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  upload,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

const store = tempStorageForFile();

describe("信息采集 step saves", () => {
  it("validates a step with its schema, stores it and marks it complete, with an audit row", async () => {
    const s = await personWithSession(db);
    expect(await collectionStatus(db, s.personId)).toEqual({ status: "未采集" });

    const refused = await saveStep(db, ctx, s, { step: "notice", data: {}, revision: 0 }, NOW);
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: { truthPledge: TRUTH_PLEDGE_REQUIRED },
    });
    expect((await loadDraft(db, s.personId)).revision).toBe(0);

    const saved = await saveStep(
      db,
      ctx,
      s,
      { step: "notice", data: { truthPledge: true }, revision: 0 },
      NOW,
    );
    expect(saved).toEqual({ ok: true, revision: 1, completed: ["notice"], resumeAt: "personal" });
    const draft = await loadDraft(db, s.personId);
    expect(draft.steps.notice).toEqual({ truthPledge: true });
    expect(await collectionStatus(db, s.personId)).toMatchObject({
      status: "采集中",
      resumeAt: "personal",
    });
    const audit = await db.auditEvent.findFirst({
      where: { action: "collection.save-step", actorId: s.personId },
    });
    expect(audit).toMatchObject({ outcome: "success", details: { step: "notice", revision: 1 } });
  });

  it("refuses a step whose earlier steps are not complete, and an unknown step", async () => {
    const s = await personWithSession(db);
    const steps = validSteps({ headshot: "x", front: "y", back: "z" });
    expect(
      await saveStep(db, ctx, s, { step: "work", data: steps.work, revision: 0 }, NOW),
    ).toEqual({ ok: false, reason: "locked", message: STEP_LOCKED });
    expect(
      await saveDraftOnly(db, ctx, s, { step: "awards", data: steps.awards, revision: 0 }, NOW),
    ).toMatchObject({ ok: false, reason: "locked" });
    expect(
      await saveStep(db, ctx, s, { step: "confirm", data: {}, revision: 0 }, NOW),
    ).toMatchObject({ ok: false, reason: "unknown-step" });
    expect(await db.collectionDraft.count({ where: { personId: s.personId } })).toBe(0);
  });

  it("refuses a save that started from an older revision (two tabs)", async () => {
    const s = await personWithSession(db);
    const notice = { truthPledge: true };
    expect(
      await saveStep(db, ctx, s, { step: "notice", data: notice, revision: 0 }, NOW),
    ).toMatchObject({ ok: true, revision: 1 });
    // Tab A saves on top of revision 1; tab B, still at revision 1, is then stale.
    expect(
      await saveDraftOnly(db, ctx, s, { step: "personal", data: { email: "a" }, revision: 1 }, NOW),
    ).toMatchObject({ ok: true, revision: 2 });
    const stale = await saveDraftOnly(
      db,
      ctx,
      s,
      { step: "personal", data: { email: "b" }, revision: 1 },
      NOW,
    );
    expect(stale).toEqual({ ok: false, reason: "stale", message: DRAFT_STALE, revision: 2 });
    expect((await loadDraft(db, s.personId)).steps.personal).toEqual({ email: "a" });
    // A second first save (revision 0) is stale too, not a second draft.
    expect(
      await saveStep(db, ctx, s, { step: "notice", data: notice, revision: 0 }, NOW),
    ).toMatchObject({ ok: false, reason: "stale" });
  });

  it("racing first saves: one creates the draft, the other is stale and writes nothing", async () => {
    const s = await personWithSession(db);
    const first = () =>
      saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const results = await Promise.all([first(), first()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      reason: "stale",
      message: DRAFT_STALE,
      revision: 1,
    });
    expect(await db.collectionDraft.count({ where: { personId: s.personId } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "collection.save-step", actorId: s.personId } }),
    ).toBe(1);
  });

  it("racing saves from one revision: one wins, the other is stale and changes nothing", async () => {
    const s = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const save = (email: string) =>
      saveDraftOnly(db, ctx, s, { step: "personal", data: { email }, revision: 1 }, NOW);
    const results = await Promise.all([save("a"), save("b")]);
    const won = results.findIndex((r) => r.ok);
    expect(won).not.toBe(-1);
    expect(results[won]).toMatchObject({ ok: true, revision: 2 });
    expect(results[1 - won]).toEqual({
      ok: false,
      reason: "stale",
      message: DRAFT_STALE,
      revision: 2,
    });
    const draft = await loadDraft(db, s.personId);
    expect(draft.steps.personal).toEqual({ email: won === 0 ? "a" : "b" });
    expect(
      await db.auditEvent.count({
        where: { action: "collection.save-draft", actorId: s.personId },
      }),
    ).toBe(1);
  });

  it("下一步 is refused when a file it names is deleted while the save is under way", async () => {
    const s = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const personal = validSteps(files).personal;
    // The sweep's delete, holding the row until it commits. On PostgreSQL the save reads the file
    // (the delete is not committed yet), passes its checks and then waits in its write for the
    // row: that write must find the file gone. (PGlite runs one transaction at a time, so there
    // the save's read waits and the read's check refuses.)
    let save: Promise<SaveResult> | undefined;
    await db.$transaction(async (tx) => {
      await tx.attachment.delete({ where: { id: files.headshot } });
      save = saveStep(db, ctx, s, { step: "personal", data: personal, revision: 1 }, NOW);
      await untilWaitingForALock(tx);
    });
    expect(await save).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { headshotId: ATTACHMENT_INVALID },
    });
    expect(await loadDraft(db, s.personId)).toMatchObject({ revision: 1, completed: ["notice"] });
  });

  it("保存草稿 keeps invalid input as typed, without completing the step", async () => {
    const s = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const typed = { ethnicGroup: "01", email: "not-an-email", documentPageIds: {} };
    const r = await saveDraftOnly(db, ctx, s, { step: "personal", data: typed, revision: 1 }, NOW);
    expect(r).toEqual({ ok: true, revision: 2, completed: ["notice"], resumeAt: "personal" });
    const draft = await loadDraft(db, s.personId);
    expect(draft.steps.personal).toEqual(typed);
    expect(draft.resumeAt).toBe("personal");
  });

  it("a complete step saved as an invalid draft is complete no more", async () => {
    const s = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const r = await saveDraftOnly(
      db,
      ctx,
      s,
      { step: "notice", data: { truthPledge: false }, revision: 1 },
      NOW,
    );
    expect(r).toMatchObject({ ok: true, completed: [], resumeAt: "notice" });
  });

  it("refuses attachments that are not the person's own or of the wrong kind", async () => {
    const s = await personWithSession(db);
    const other = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const mine = await uploadPersonalFiles(db, store.current.storage, s);
    const theirs = await upload(db, store.current.storage, other, "headshot");
    const personal = validSteps(mine).personal;

    const forged = await saveStep(
      db,
      ctx,
      s,
      { step: "personal", data: { ...personal, headshotId: theirs }, revision: 1 },
      NOW,
    );
    expect(forged).toEqual({
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: { headshotId: ATTACHMENT_INVALID },
    });
    const wrongKind = await saveStep(
      db,
      ctx,
      s,
      { step: "personal", data: { ...personal, headshotId: mine.front }, revision: 1 },
      NOW,
    );
    expect(wrongKind).toMatchObject({ fieldErrors: { headshotId: ATTACHMENT_INVALID } });

    const ok = await saveStep(db, ctx, s, { step: "personal", data: personal, revision: 1 }, NOW);
    expect(ok).toMatchObject({ ok: true, revision: 2, resumeAt: "education" });
    const rows = await db.attachment.findMany({ where: { personId: s.personId } });
    expect(rows.map((r) => r.orphanedAt)).toEqual([null, null, null]);
  });

  it("marks a replaced file orphaned, and claims it back when named again", async () => {
    const s = await personWithSession(db);
    await saveStep(db, ctx, s, { step: "notice", data: { truthPledge: true }, revision: 0 }, NOW);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const personal = validSteps(files).personal;
    await saveStep(db, ctx, s, { step: "personal", data: personal, revision: 1 }, NOW);

    const replacement = await upload(db, store.current.storage, s, "headshot");
    expect(
      await saveStep(
        db,
        ctx,
        s,
        { step: "personal", data: { ...personal, headshotId: replacement }, revision: 2 },
        NOW,
      ),
    ).toMatchObject({ ok: true });
    const old = await db.attachment.findUniqueOrThrow({ where: { id: files.headshot } });
    expect(old.orphanedAt).toEqual(NOW);
    expect(
      (await db.attachment.findUniqueOrThrow({ where: { id: replacement } })).orphanedAt,
    ).toBeNull();

    await saveDraftOnly(db, ctx, s, { step: "personal", data: personal, revision: 3 }, NOW);
    expect(
      (await db.attachment.findUniqueOrThrow({ where: { id: files.headshot } })).orphanedAt,
    ).toBeNull();
  });

  it("refuses every save once the collection is submitted", async () => {
    const { submitCollection } = await import("@/lib/collection/archive-service");
    const s = await personWithSession(db);
    const steps = validSteps(await uploadPersonalFiles(db, store.current.storage, s));
    const revision = await saveAll(db, s, steps);
    expect(await submitCollection(db, ctx, s, NOW)).toMatchObject({ ok: true });
    expect(
      await saveStep(
        db,
        ctx,
        s,
        { step: "awards", data: steps.awards, revision: revision + 1 },
        NOW,
      ),
    ).toEqual({ ok: false, reason: "collected", message: ALREADY_COLLECTED });
  });
});

/** PostgreSQL: until some statement waits for a row lock (bounded); PGlite: a moment. */
async function untilWaitingForALock(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) {
  if (inject("databaseKind") !== "postgres") {
    await new Promise((r) => setTimeout(r, 100));
    return;
  }
  for (let i = 0; i < 100; i++) {
    const [{ waiting }] = await tx.$queryRaw<[{ waiting: number }]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the save never waited for the deleted file's row");
}
